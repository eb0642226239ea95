#!/usr/bin/env bash
# Benchmark: how many signed webhook requests per second the application accepts (verify signature,
# store raw event, enqueue on JMS, answer 200) on this machine; processing continues asynchronously.
#   bench/webhook-load.sh [seconds=20] [concurrency=16] [statuses-per-request=1] [rate=0: as fast as possible]
# One status per request is what Meta mostly sends (about three requests per message sent); with a rate, the
# clients are paced at that many requests per second in all, to read the acceptance time at a given load.
# Starts Filo Diretto with run.sh on port 18091 and a fresh work directory under target/, warms it up with 20 s of
# the same load, runs the load, then waits until every queued webhook is processed and reports that time too.
# The load generator speaks plain keep-alive HTTP/1.1 (as Meta's senders keep their connections) and shares the cores.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN="${1:-20}"
CONCURRENCY="${2:-16}"
PER_REQUEST="${3:-1}"
RATE="${4:-0}"
PORT=18091
WORK="$PWD/target/bench-webhook"
SECRET='bench-app-secret'
rm -rf "$WORK" && mkdir -p "$WORK"
[ "${FILODIRETTO_SKIP_BUILD:-0}" = "1" ] || ./mvnw -q -B -DskipTests install

FILODIRETTO_SKIP_BUILD=1 FILODIRETTO_PORT=$PORT FILODIRETTO_DATA="$WORK/data" FILODIRETTO_ADMIN_PASSWORD='Bench-secret-pass-1' \
    FILODIRETTO_WHATSAPP_APP_SECRET="$SECRET" ./run.sh > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -fsS "http://localhost:$PORT/health/ready" 2>/dev/null | grep -q database && break
    sleep 1
done

# the JIT compiles Payara's request path for minutes: a first, unreported round of the same load warms it up
echo "warm-up (20 s, not reported): $(java bench/WebhookLoad.java "http://localhost:$PORT/webhook/whatsapp" "$SECRET" 20 "$CONCURRENCY" "$PER_REQUEST" "$RATE" | head -1)"
java bench/WebhookLoad.java "http://localhost:$PORT/webhook/whatsapp" "$SECRET" "$SECONDS_RUN" "$CONCURRENCY" "$PER_REQUEST" "$RATE"
T0=$(date +%s)
echo "waiting until every accepted webhook is processed..."
for _ in $(seq 1 1200); do
    PENDING=$(curl -s "http://localhost:$PORT/health/ready" | sed -n 's/.*"pendingWebhooks":"\{0,1\}\([0-9-]*\).*/\1/p')
    [ "$PENDING" = "0" ] && break
    sleep 0.5
done
echo "backlog drained $(( $(date +%s) - T0 )) s after the load ended (pending now: $PENDING)"
echo "server RSS (MB): $(ps -o rss= -p "$(pgrep -f "payara-micro.jar.*--port $PORT" | head -1)" | awk '{printf "%d", $1/1024}')"
