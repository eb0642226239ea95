#!/usr/bin/env bash
# Benchmark: verification speed of the audit chain (issue #3 target: 1,000,000 events well under a minute).
#   bench/audit-verify.sh [N=1000000]
# Starts Filo Diretto (run.sh, port 18090, a fresh work directory under target/), stops it, appends N chained
# events to its H2 database, starts it again and times GET /api/v1/audit/verify as a privacy officer.
# Prints events, seconds, events/s and the server's resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000000}"
PORT=18090
WORK="$PWD/target/bench-audit"
ADMIN_PASSWORD='Bench-secret-pass-1'
PO_PASSWORD='Bench-privacy-pass-1'
rm -rf "$WORK" && mkdir -p "$WORK"

./mvnw -q -B -DskipTests install
./mvnw -q -B dependency:copy -Dartifact=com.h2database:h2:2.2.224 -DoutputDirectory="$WORK"

start() {
    FILODIRETTO_SKIP_BUILD=1 FILODIRETTO_PORT=$PORT FILODIRETTO_DATA="$WORK/data" FILODIRETTO_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        JAVA_OPTS="-Xmx768m" ./run.sh > "$WORK/server-$1.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 120); do
        curl -fsS "http://localhost:$PORT/health/ready" 2>/dev/null | grep -q database && return
        sleep 1
    done
    echo "server did not start; see $WORK/server-$1.log" >&2; exit 1
}
stop() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; }

start 1
curl -fsS -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
    -d "{\"username\":\"bench-po\",\"displayName\":\"Bench PO\",\"password\":\"$PO_PASSWORD\",\"roles\":[\"PRIVACY_OFFICER\"]}" \
    "http://localhost:$PORT/api/v1/staff" >/dev/null
stop

URL="jdbc:h2:file:$WORK/data/db/filodiretto;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
java -cp "domain/target/classes:$WORK/h2-2.2.224.jar" bench/AuditSeeder.java "$URL" "$N"

start 2
OUT=$(curl -sS -u "bench-po:$PO_PASSWORD" -w '\n%{time_total}' "http://localhost:$PORT/api/v1/audit/verify")
RSS=$(ps -o rss= -p "$(pgrep -f "payara-micro.jar.*--port $PORT" | head -1)" | awk '{printf "%d", $1/1024}')
stop
BODY=$(echo "$OUT" | head -1)
SECONDS_TAKEN=$(echo "$OUT" | tail -1)
EVENTS=$(echo "$BODY" | sed -n 's/.*"events":\([0-9]*\).*/\1/p')
echo "$BODY"
echo "verified events: $EVENTS"
echo "time (HTTP call, s): $SECONDS_TAKEN"
echo "throughput (events/s): $(awk -v e="$EVENTS" -v t="$SECONDS_TAKEN" 'BEGIN{printf "%d", e/t}')"
echo "server RSS after verification (MB): $RSS"
