#!/usr/bin/env bash
# Benchmark: a password-guessing flood against the API (issue #16, item 2; target: while 16 clients from one
# address send wrong credentials for 20 s, a legitimate API call from another address answers within 1 s, and
# most of the flood gets 429 before any hashing). Starts Filo Diretto (run.sh, port 18097, a fresh work
# directory under target/) trusting the loopback addresses as reverse proxies, so that X-Forwarded-For gives the flood and
# the legitimate client distinct addresses on one machine; then runs bench/LoginFlood.java, which prints the
# flood's statuses (429 share) and the legitimate calls' latencies, and this script prints how many audit rows
# the flood wrote.
#   bench/login-flood.sh [SECONDS=20] [CLIENTS=16]        (FILODIRETTO_SKIP_BUILD=1: use what was built last)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_="${1:-20}"
CLIENTS="${2:-16}"
PORT=18097
ADMIN_PASSWORD='Bench-secret-pass-1'
WORK="$PWD/target/bench-login-flood"
rm -rf "$WORK" && mkdir -p "$WORK"
[ "${FILODIRETTO_SKIP_BUILD:-0}" = "1" ] || ./mvnw -q -B -DskipTests package -pl web -am
JAVA_OPTS="-Xmx768m" FILODIRETTO_SKIP_BUILD=1 FILODIRETTO_PORT=$PORT FILODIRETTO_DATA="$WORK/data" FILODIRETTO_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    FILODIRETTO_SECURITY_TRUSTED_PROXIES='127.0.0.1,::1' ./run.sh > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
    curl -fsS "http://localhost:$PORT/health/ready" 2>/dev/null | grep -q database && break
    sleep 1
done
curl -fsS -o /dev/null -u "admin:$ADMIN_PASSWORD" -H 'X-Forwarded-For: 192.0.2.1' -H 'Content-Type: application/json' \
    -d '{"username":"bench-dpo","displayName":"Bench DPO","password":"Privacy-officer-pass-7","roles":["PRIVACY_OFFICER"]}' "http://localhost:$PORT/api/v1/staff"
# events in the chain (each verification adds one itself)
audit_rows() { curl -fsS -u "bench-dpo:Privacy-officer-pass-7" -H 'X-Forwarded-For: 192.0.2.1' "http://localhost:$PORT/api/v1/audit/verify" | sed -n 's/.*"events":\([0-9]*\).*/\1/p'; }
BEFORE=$(audit_rows || echo '?')
java bench/LoginFlood.java "http://localhost:$PORT/" "$ADMIN_PASSWORD" "$SECONDS_" "$CLIENTS"
AFTER=$(audit_rows || echo '?')
echo "audit events during the run (the flood's unknown users are summarised every 5 minutes, not written one by one): $BEFORE -> $AFTER"
