#!/usr/bin/env bash
# Reliability test, for real: kill -9 the server in the middle of a campaign, start it again on the same
# data, and check that the campaign completes with exactly one message per recipient — except deliveries
# that were in flight at the kill, which are flagged as possible duplicates. It starts without an admin
# password, as a newcomer may: the generated one is read from the log, where it must appear only once.
#   .ci/dispatch-crash-test.sh [N=2000] [rate=100]
# Exit code 0 when it holds. Uses run.sh (port 18093, work directory under target/).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-2000}"
RATE="${2:-100}"
PORT=18093
WORK="$PWD/target/crash-test"
BASE="http://localhost:$PORT"
rm -rf "$WORK" && mkdir -p "$WORK"

start() {
    JAVA_OPTS="-Xmx512m" FILODIRETTO_CAMPAIGNS_QUIET_HOURS=00:00-00:00 FILODIRETTO_SKIP_BUILD=1 FILODIRETTO_PORT=$PORT FILODIRETTO_DATA="$WORK/data" \
        FILODIRETTO_DISPATCH_RATE_PER_SECOND="$RATE" \
        FILODIRETTO_SANDBOX_READ_RATIO=0 ./run.sh >> "$WORK/server.log" 2>&1 &
    disown $!  # the kill -9 below is meant: no job notice
    for _ in $(seq 1 180); do
        curl -fsS "$BASE/health/ready" 2>/dev/null | grep -q database && return 0
        sleep 1
    done
    echo "server did not start"; tail -50 "$WORK/server.log"; exit 1
}
json() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p"; }
api() { curl -fsS -H 'Content-Type: application/json' "$@"; }
trap 'pkill -9 -f "payara-micro.jar.*--port $PORT" 2>/dev/null || true' EXIT

start
generated() { grep -c 'Generated password (shown only this once' "$WORK/server.log" || true; }
[ "$(generated)" = "1" ] || { echo "crash test: FAILED: no generated admin password in the log on the first start"; exit 1; }
ADMIN="admin:$(grep -o 'Generated password ([^)]*): [^[:space:]]*' "$WORK/server.log" | head -1 | sed 's/.*: //')"
# a generated password must be changed before anything else (the API answers 403 password_change_required)
api -u "$ADMIN" -X PUT -d '{"password":"Crash-chief-pass-42"}' "$BASE/api/v1/staff/admin" > /dev/null
ADMIN='admin:Crash-chief-pass-42'
for user in "crash-editor EDITOR" "crash-reviewer REVIEWER"; do
    set -- $user
    api -u "$ADMIN" -d "{\"username\":\"$1\",\"displayName\":\"$1\",\"password\":\"Crash-user-pass-1\",\"roles\":[\"$2\"]}" "$BASE/api/v1/staff" > /dev/null
done
ED='crash-editor:Crash-user-pass-1'
RV='crash-reviewer:Crash-user-pass-1'
api -d "{\"count\":$N,\"topic\":\"public_utility\"}" "$BASE/sandbox/api/subscribers" > /dev/null
TOKEN="CRASH$(date +%s)"
ID=$(api -u "$ED" -d "{\"title\":\"$TOKEN\",\"topics\":[\"public_utility\"],\"template\":\"avviso_protezione_civile\",\"bodyParameters\":[\"Prova $TOKEN\"]}" \
    "$BASE/api/v1/campaigns" | json id)
api -u "$ED" -X POST -d '{}' "$BASE/api/v1/campaigns/$ID/submit" > /dev/null
api -u "$RV" -X POST -d '{}' "$BASE/api/v1/campaigns/$ID/approve" > /dev/null
api -u "$RV" -X POST -d '{}' "$BASE/api/v1/campaigns/$ID/schedule" > /dev/null

# kill -9 once about a quarter has been accepted
for _ in $(seq 1 600); do
    M=$(api "$BASE/sandbox/api/report?token=$TOKEN" | json messages)
    [ "${M:-0}" -ge $(( N / 4 )) ] && break
    sleep 0.2
done
pkill -9 -f "payara-micro.jar.*--port $PORT"
echo "killed with kill -9 after ${M} of $N messages accepted"
sleep 2
start
echo "restarted on the same data"
[ "$(generated)" = "1" ] || { echo "crash test: FAILED: the generated admin password was printed again"; exit 1; }
STATE=""
for _ in $(seq 1 600); do
    STATE=$(api -u "$RV" "$BASE/api/v1/campaigns/$ID" | json state)
    [ "$STATE" = "SENT" ] && break
    sleep 1
done
STATS=$(api -u "$RV" "$BASE/api/v1/campaigns/$ID/stats")
REPORT=$(api "$BASE/sandbox/api/report?token=$TOKEN")
RECIPIENTS=$(echo "$REPORT" | json recipients)
MULTI=$(echo "$REPORT" | json recipientsWithMoreThanOne)
FLAGGED=$(echo "$STATS" | json possibleDuplicates)
echo "campaign state: $STATE; recipients reached: $RECIPIENTS of $N; with more than one message: $MULTI; flagged as possible duplicates: $FLAGGED"
[ "$STATE" = "SENT" ] && [ "$RECIPIENTS" = "$N" ] && [ "$MULTI" -le "$FLAGGED" ] && { echo "crash test: OK"; exit 0; }
echo "crash test: FAILED"; exit 1
