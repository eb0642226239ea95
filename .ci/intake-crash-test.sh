#!/usr/bin/env bash
# Reliability test of the webhook intake, for real: signed status webhooks are sent at full speed, the server is
# killed with kill -9 in the middle, started again on the same data, and every webhook that had been answered 200
# must end up processed (its status recorded). Group commit answers 200 only after the batch is committed and, with
# the embedded H2, forced to disk (DurableCommit's CHECKPOINT), so none may be missing.
#   .ci/intake-crash-test.sh [seconds-before-the-kill=8] [concurrency=16]
# Exit code 0 when it holds. Uses run.sh (port 18094, work directory under target/); reads the database with the
# H2 that Payara Micro bundles, after a clean stop.
set -euo pipefail
cd "$(dirname "$0")/.."
KILL_AFTER="${1:-8}"
CONCURRENCY="${2:-16}"
PORT=18094
WORK="$PWD/target/intake-crash-test"
BASE="http://localhost:$PORT"
SECRET='intake-crash-secret'
rm -rf "$WORK" && mkdir -p "$WORK"

start() {
    JAVA_OPTS="-Xmx512m" FILODIRETTO_SKIP_BUILD=1 FILODIRETTO_PORT=$PORT FILODIRETTO_DATA="$WORK/data" \
        FILODIRETTO_ADMIN_PASSWORD='Intake-crash-pass-1' FILODIRETTO_WHATSAPP_APP_SECRET="$SECRET" ./run.sh >> "$WORK/server.log" 2>&1 &
    disown $!  # the kill -9 below is meant: no job notice
    for _ in $(seq 1 180); do
        curl -fsS "$BASE/health/ready" 2>/dev/null | grep -q database && return 0
        sleep 1
    done
    echo "server did not start"; tail -50 "$WORK/server.log"; exit 1
}
trap 'pkill -9 -f "payara-micro.jar.*--port $PORT" 2>/dev/null || true' EXIT

start
java bench/WebhookLoad.java "$BASE/webhook/whatsapp" "$SECRET" $(( KILL_AFTER + 4 )) "$CONCURRENCY" 1 0 "$WORK/accepted.txt" > "$WORK/load.txt" 2>&1 &
LOAD=$!
sleep "$KILL_AFTER"
pkill -9 -f "payara-micro.jar.*--port $PORT"
echo "killed with kill -9 during the intake, after $KILL_AFTER s"
wait $LOAD || true
cat "$WORK/load.txt"
sleep 2
start
echo "restarted on the same data; waiting until every stored webhook is processed"
PENDING=""
for _ in $(seq 1 300); do
    PENDING=$(curl -s "$BASE/health/ready" | sed -n 's/.*"pendingWebhooks":"\{0,1\}\([0-9-]*\).*/\1/p')
    [ "$PENDING" = "0" ] && break
    sleep 1
done
echo "pending webhooks: $PENDING"
pkill -TERM -f "payara-micro.jar.*--port $PORT" || true
for _ in $(seq 1 60); do pgrep -f "payara-micro.jar.*--port $PORT" > /dev/null || break; sleep 1; done
pkill -9 -f "payara-micro.jar.*--port $PORT" 2>/dev/null || true
unzip -p web/target/runtime/payara-micro.jar MICRO-INF/runtime/h2.jar > "$WORK/h2.jar"
if java -cp "$WORK/h2.jar" .ci/IntakeCheck.java "jdbc:h2:file:$WORK/data/db/filodiretto;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" "$WORK/accepted.txt"; then
    echo "intake crash test: OK"
else
    echo "intake crash test: FAILED"; exit 1
fi
