#!/usr/bin/env bash
# Benchmark: a STOP storm during a campaign. N subscribers, a campaign to all of them, and while it sends every
# one of them writes STOP within a minute (signed Meta-shaped inbound webhooks, 16 senders, paced over 50 s).
#   bench/stop-storm.sh [N=10000] [dispatch rate per second, 0 = no ceiling = 80]
# Prints: STOPs accepted, how long until the last one was processed (from the first STOP sent), subscribers who
# left (must be N), campaign messages accepted by the simulated WhatsApp after the recipient's STOP had been
# processed (must be 0), the campaign's outcome and the log's lock timeouts (must be 0).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000}"
RATE="${2:-80}"
PORT=18095
WORK="$PWD/target/bench-stop-storm"
BASE="http://localhost:$PORT"
ADMIN='admin:Bench-secret-pass-1'
SECRET='bench-stop-secret'
rm -rf "$WORK" && mkdir -p "$WORK"
[ "${FILODIRETTO_SKIP_BUILD:-0}" = "1" ] || ./mvnw -q -B -DskipTests install

JAVA_OPTS="-Xmx768m" FILODIRETTO_CAMPAIGNS_QUIET_HOURS=00:00-00:00 FILODIRETTO_SKIP_BUILD=1 FILODIRETTO_PORT=$PORT FILODIRETTO_DATA="$WORK/data" \
    FILODIRETTO_ADMIN_PASSWORD='Bench-secret-pass-1' FILODIRETTO_DISPATCH_RATE_PER_SECOND="$RATE" FILODIRETTO_WHATSAPP_APP_SECRET="$SECRET" \
    ./run.sh > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
    curl -fsS "$BASE/health/ready" 2>/dev/null | grep -q database && break
    sleep 1
done

json() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p"; }
api() { curl -fsS -H 'Content-Type: application/json' "$@"; }
for user in "bench-editor EDITOR" "bench-reviewer REVIEWER"; do
    set -- $user
    api -u "$ADMIN" -d "{\"username\":\"$1\",\"displayName\":\"$1\",\"password\":\"Bench-user-pass-1\",\"roles\":[\"$2\"]}" "$BASE/api/v1/staff" > /dev/null
done
ED='bench-editor:Bench-user-pass-1'
RV='bench-reviewer:Bench-user-pass-1'
api -d "{\"count\":$N,\"topic\":\"public_utility\"}" "$BASE/sandbox/api/subscribers" > /dev/null
TOKEN="STORM$(date +%s)"
ID=$(api -u "$ED" -d "{\"title\":\"$TOKEN\",\"topics\":[\"public_utility\"],\"template\":\"avviso_protezione_civile\",\"bodyParameters\":[\"Prova $TOKEN\"]}" \
    "$BASE/api/v1/campaigns" | json id)
api -u "$ED" -X POST -d '{}' "$BASE/api/v1/campaigns/$ID/submit" > /dev/null
api -u "$RV" -X POST -d '{}' "$BASE/api/v1/campaigns/$ID/approve" > /dev/null
api -u "$RV" -X POST -d '{}' "$BASE/api/v1/campaigns/$ID/schedule" > /dev/null
for _ in $(seq 1 300); do
    M=$(api "$BASE/sandbox/api/report?token=$TOKEN" | json messages)
    [ "${M:-0}" -ge 1 ] && break
    sleep 0.2
done
echo "campaign $ID sending to $N subscribers ($M messages so far); now every one of them writes STOP"
T0=$(date +%s%3N)
java -Dinbound=393330000000 -Dcount="$N" bench/WebhookLoad.java "$BASE/webhook/whatsapp" "$SECRET" 600 16 1 "$(echo "$N / 50" | bc -l)"
echo "all $N STOPs sent $(( ($(date +%s%3N) - T0) / 1000 )) s after the first"
for _ in $(seq 1 600); do
    REPORT=$(api "$BASE/sandbox/api/report?token=$TOKEN")
    [ "$(echo "$REPORT" | json stoppedSubscribers)" = "$N" ] && break
    sleep 0.5
done
LAST=$(echo "$REPORT" | json lastStopAt)
echo "subscribers who left: $(echo "$REPORT" | json stoppedSubscribers) of $N;" \
    "last STOP processed $(( (LAST - T0) / 1000 )) s after the first was sent"
echo "campaign messages accepted after the recipient's STOP was processed: $(echo "$REPORT" | json sentAfterStop)"
for _ in $(seq 1 120); do
    STATE=$(api -u "$RV" "$BASE/api/v1/campaigns/$ID" | json state)
    [ "$STATE" = "SENT" ] && break
    sleep 1
done
REPORT=$(api "$BASE/sandbox/api/report?token=$TOKEN")
echo "campaign: $STATE; messages accepted in all: $(echo "$REPORT" | json messages), to more than once: $(echo "$REPORT" | json recipientsWithMoreThanOne);" \
    "after STOP: $(echo "$REPORT" | json sentAfterStop)"
echo "stats: $(api -u "$RV" "$BASE/api/v1/campaigns/$ID/stats")"
echo "lock timeouts in the log: $(grep -c 'Timeout trying to lock' "$WORK/server.log" || true); log size: $(du -k "$WORK/server.log" | cut -f1) kB"
echo "pending webhooks: $(curl -s "$BASE/health/ready" | sed -n 's/.*"pendingWebhooks":"\{0,1\}\([0-9-]*\).*/\1/p')"
