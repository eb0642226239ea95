#!/usr/bin/env bash
# Benchmark: audit appends under concurrency (issue #15 target: >= 2,000 events/s with 16 writers, the chain
# gap-free and verifiable). Starts Filo Diretto (run.sh, port 18096, a fresh work directory under target/), lets
# the sandbox's benchmark endpoint append N events from W concurrent writers, each in a transaction of its own
# through the product's AuditTrail, then verify the whole chain. A first, shorter round warms the JIT up.
#   bench/audit-load.sh [N=50000] [W=16]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-50000}"
W="${2:-16}"
PORT=18096
WORK="$PWD/target/bench-audit-load"
rm -rf "$WORK" && mkdir -p "$WORK"
[ "${FILODIRETTO_SKIP_BUILD:-0}" = "1" ] || ./mvnw -q -B -DskipTests install
JAVA_OPTS="-Xmx768m" FILODIRETTO_SKIP_BUILD=1 FILODIRETTO_PORT=$PORT FILODIRETTO_DATA="$WORK/data" FILODIRETTO_ADMIN_PASSWORD='Bench-secret-pass-1' \
    ./run.sh > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
    curl -fsS "http://localhost:$PORT/health/ready" 2>/dev/null | grep -q database && break
    sleep 1
done
load() { curl -fsS -H 'Content-Type: application/json' -d "{\"events\":$1,\"writers\":$W}" "http://localhost:$PORT/sandbox/api/audit-load"; echo; }
echo "warm-up: $(load $(( N / 4 )))"
echo "measured: $(load "$N")"
echo "lock timeouts in the log: $(grep -c 'Timeout trying to lock' "$WORK/server.log" || true)"
