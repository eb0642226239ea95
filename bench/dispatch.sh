#!/usr/bin/env bash
# Benchmark of the dispatch engine: N subscribers, one campaign to all of them, app and sandbox in one
# server (Payara Micro, embedded H2 and broker), heap capped at 512 MB.
#   bench/dispatch.sh [N=100000] [rate per second, 0 = no ceiling = 0]
# Prints: fan-out time, send throughput (first to last message accepted by the sandbox), end-to-end time
# until every status webhook (sent, delivered, read) is applied, peak heap and process RSS, the busiest
# second, and the recipients with 0 or more than 1 messages (both must be 0).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
RATE="${2:-0}"
PORT=18092
WORK="$PWD/target/bench-dispatch"
BASE="http://localhost:$PORT"
ADMIN='admin:Bench-secret-pass-1'
rm -rf "$WORK" && mkdir -p "$WORK"
[ "${FILODIRETTO_SKIP_BUILD:-0}" = "1" ] || ./mvnw -q -B -DskipTests install

JAVA_OPTS="-Xmx512m -XX:+UseG1GC ${BENCH_JAVA_OPTS:-}" FILODIRETTO_CAMPAIGNS_QUIET_HOURS=00:00-00:00 FILODIRETTO_SKIP_BUILD=1 FILODIRETTO_PORT=$PORT FILODIRETTO_DATA="$WORK/data" \
    FILODIRETTO_ADMIN_PASSWORD='Bench-secret-pass-1' FILODIRETTO_DISPATCH_RATE_PER_SECOND="$RATE" \
    FILODIRETTO_SANDBOX_MAX_MESSAGES_PER_SECOND=1000000 FILODIRETTO_SANDBOX_READ_RATIO=1.0 \
    ./run.sh > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; [ -n "${SAMPLER:-}" ] && kill $SAMPLER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
    curl -fsS "$BASE/health/ready" 2>/dev/null | grep -q database && break
    sleep 1
done
PID=$(pgrep -f "payara-micro.jar.*--port $PORT" | head -1)

json() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p"; }
api() { curl -fsS -H 'Content-Type: application/json' "$@"; }

for user in "bench-editor EDITOR" "bench-reviewer REVIEWER"; do
    set -- $user
    api -u "$ADMIN" -d "{\"username\":\"$1\",\"displayName\":\"$1\",\"password\":\"Bench-user-pass-1\",\"roles\":[\"$2\"]}" "$BASE/api/v1/staff" > /dev/null
done
ED='bench-editor:Bench-user-pass-1'
RV='bench-reviewer:Bench-user-pass-1'

T=$(date +%s%N)
api -d "{\"count\":$N,\"topic\":\"public_utility\"}" "$BASE/sandbox/api/subscribers" > /dev/null
echo "seeded $N subscribers in $(( ($(date +%s%N) - T) / 1000000 )) ms"

# peak heap (used, after each sample) and peak RSS, sampled every second
( MAXH=0; while kill -0 "$PID" 2>/dev/null; do
    H=$(jcmd "$PID" GC.heap_info 2>/dev/null | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1)
    [ -n "$H" ] && [ "$H" -gt "$MAXH" ] && MAXH=$H && echo "$MAXH" > "$WORK/heap-peak-kb"
    sleep 1
  done ) &
SAMPLER=$!

TOKEN="BENCH$(date +%s)"
ID=$(api -u "$ED" -d "{\"title\":\"$TOKEN\",\"topics\":[\"public_utility\"],\"template\":\"avviso_protezione_civile\",\"bodyParameters\":[\"Benchmark $TOKEN\"]}" \
    "$BASE/api/v1/campaigns" | json id)
api -u "$ED" -X POST -d '{}' "$BASE/api/v1/campaigns/$ID/submit" > /dev/null
api -u "$RV" -X POST -d '{}' "$BASE/api/v1/campaigns/$ID/approve" > /dev/null
START=$(date +%s%N)
api -u "$RV" -X POST -d '{}' "$BASE/api/v1/campaigns/$ID/schedule" > /dev/null

STATE=""
while [ "$STATE" != "SENT" ]; do
    sleep 1
    STATE=$(api -u "$RV" "$BASE/api/v1/campaigns/$ID" | json state)
done
SENT_AT=$(date +%s%N)
READ=0
for _ in $(seq 1 3600); do
    READ=$(api -u "$RV" "$BASE/api/v1/campaigns/$ID/stats" | json read)
    [ "$READ" = "$N" ] && break
    sleep 1
done
END=$(date +%s%N)
REPORT=$(api "$BASE/sandbox/api/report?token=$TOKEN")
FIRST=$(echo "$REPORT" | json firstAcceptedAt)
LAST=$(echo "$REPORT" | json lastAcceptedAt)
RECIPIENTS=$(echo "$REPORT" | json recipients)
MULTI=$(echo "$REPORT" | json recipientsWithMoreThanOne)
FANOUT=$(grep -o "fan-out of [0-9]* deliveries in [0-9]* ms, queued in [0-9]* ms" "$WORK/server.log" | tail -1)
RSS=$(sed -n 's/VmHWM:[^0-9]*\([0-9]*\).*/\1/p' "/proc/$PID/status")

echo "----------------------------------------------------------------"
echo "machine:            $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(java -version 2>&1 | head -1)"
echo "recipients:         $N (rate ceiling: ${RATE}/s, 0 = none)"
echo "fan-out:            $FANOUT"
echo "send throughput:    $(awk -v n="$N" -v a="$FIRST" -v b="$LAST" 'BEGIN{ printf "%.0f messages/s (%d messages in %.1f s, first to last accepted)", (b>a? n*1000/(b-a) : 0), n, (b-a)/1000 }')"
echo "busiest second:     $(echo "$REPORT" | json busiestSecond) messages"
echo "campaign SENT after $(( (SENT_AT - START) / 1000000 )) ms from 'send now'"
echo "end-to-end:         $(( (END - START) / 1000000 )) ms until all $READ 'read' statuses were applied (3 status webhooks per message)"
echo "peak heap used:     $(( $(cat "$WORK/heap-peak-kb" 2>/dev/null || echo 0) / 1024 )) MB (of -Xmx512m)"
echo "peak process RSS:   $(( RSS / 1024 )) MB"
echo "recipients with 0 messages:  $(( N - RECIPIENTS ))"
echo "recipients with >1 messages: $MULTI"
