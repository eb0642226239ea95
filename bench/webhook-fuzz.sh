#!/usr/bin/env bash
# Fuzz of the webhook endpoint: N correctly signed mutations of real Meta payloads (bench/WebhookFuzz.java) from C
# clients, on a fresh Filo Diretto (run.sh, port 18097, work directory under target/).
#   bench/webhook-fuzz.sh [N=10000] [C=8] [seed=1]
# Prints the answers by HTTP status (a 5xx fails the run), then waits until every accepted webhook is processed
# and prints: how long that took, the pending and dead counts of /health/ready, and the server log's growth
# (MB and MB per minute over fuzz and drain), its WARNING/SEVERE lines, stack-trace lines and lock timeouts.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000}"
C="${2:-8}"
SEED="${3:-1}"
PORT=18097
WORK="$PWD/target/bench-webhook-fuzz"
SECRET='bench-fuzz-secret'
rm -rf "$WORK" && mkdir -p "$WORK"
[ "${FILODIRETTO_SKIP_BUILD:-0}" = "1" ] || ./mvnw -q -B -DskipTests install
JAVA_OPTS="-Xmx768m" FILODIRETTO_SKIP_BUILD=1 FILODIRETTO_PORT=$PORT FILODIRETTO_DATA="$WORK/data" FILODIRETTO_ADMIN_PASSWORD='Bench-secret-pass-1' \
    FILODIRETTO_WHATSAPP_APP_SECRET="$SECRET" ./run.sh > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
    curl -fsS "http://localhost:$PORT/health/ready" 2>/dev/null | grep -q database && break
    sleep 1
done
ready() { curl -s "http://localhost:$PORT/health/ready" | sed -n "s/.*\"$1\":\"\{0,1\}\([0-9-]*\).*/\1/p"; }
LOG0=$(stat -c %s "$WORK/server.log"); LINES0=$(wc -l < "$WORK/server.log"); T0=$(date +%s)
RC=0
java -Xss16m bench/WebhookFuzz.java "http://localhost:$PORT/webhook/whatsapp" "$SECRET" "$N" "$C" "$SEED" || RC=$?
T1=$(date +%s)
PENDING=""
for _ in $(seq 1 1200); do
    PENDING=$(ready pendingWebhooks)
    [ "$PENDING" = "0" ] && break
    sleep 0.5
done
T2=$(date +%s)
NEW=$(tail -n +"$((LINES0 + 1))" "$WORK/server.log")
GROWTH=$(( $(stat -c %s "$WORK/server.log") - LOG0 ))
echo "processed: pending webhooks $PENDING, dead $(ready deadWebhooks), $((T2 - T1)) s after the fuzz ended (fuzz $((T1 - T0)) s)"
echo "server log: +$(echo "scale=2; $GROWTH / 1048576" | bc) MB over $((T2 - T0)) s = $(echo "scale=2; $GROWTH / 1048576 * 60 / ($T2 - $T0 + 1)" | bc) MB/min;" \
    "WARNING lines $(echo "$NEW" | grep -c 'WARNING' || true), SEVERE $(echo "$NEW" | grep -c 'SEVERE' || true)," \
    "stack-trace lines $(echo "$NEW" | grep -c $'^\tat ' || true), lock timeouts $(echo "$NEW" | grep -c 'Timeout trying to lock' || true)"
exit "$RC"
