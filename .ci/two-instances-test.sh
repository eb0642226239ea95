#!/usr/bin/env bash
# Two Payara Micro instances of the same WAR sharing one PostgreSQL database and one external ActiveMQ broker
# (started here): the production cluster of docs/deploy-payara-server.md on one machine. Checks that
#  * both instances take part in a campaign's dispatch (JMS batches from the shared queue), every recipient
#    gets exactly one message, and the send-rate ceiling stays global (the busiest second seen by the sandbox
#    is within the ceiling, not twice it);
#  * an article written on one instance is answered by the assistant of the other (index sync).
# Needs the WAR built (web/target/filodiretto.war and web/target/runtime); PostgreSQL as in payara-server-check.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/lib.sh
WORK="$PWD/target/two-instances"
DB=filodiretto_two
PORT_A=18401
PORT_B=18402
BROKER_URL="tcp://127.0.0.1:61626"
CEILING=40
RECIPIENTS=${1:-600}
ADMIN_PASSWORD='Two-instances-pass-2026'
RAR_NAME="$(activemq_rar_name)"
RAR="$PWD/web/target/runtime/$RAR_NAME.rar"
MICRO="$PWD/web/target/runtime/payara-micro.jar"
log() { echo "[two-instances] $*"; }
[ -f web/target/filodiretto.war ] && [ -f "$RAR" ] && [ -f "$MICRO" ] || { log "build the WAR first (./mvnw package)"; exit 1; }

pg_isready -q -h 127.0.0.1 -p 5432 || { log "PostgreSQL not answering on 127.0.0.1:5432 (run .ci/payara-server-check.sh first, it installs it)"; exit 1; }
psql -h 127.0.0.1 -U postgres -d postgres -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
rm -rf "$WORK" && mkdir -p "$WORK/lib"
./mvnw -q -B dependency:copy -Dartifact=org.postgresql:postgresql:42.7.14 -DoutputDirectory="$WORK"
./mvnw -q -B dependency:copy -Dartifact=jakarta.jms:jakarta.jms-api:3.1.0 -DoutputDirectory="$WORK/lib"
unzip -q -j "$RAR" '*.jar' -d "$WORK/lib"
cp web/target/filodiretto.war "$WORK/ROOT.war"   # deployed at the root context, as run.sh does

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

java -Xmx256m -cp "$WORK/lib/*" .ci/ExternalBroker.java "$BROKER_URL" "$WORK/broker" > "$WORK/broker.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 60); do grep -q "broker started" "$WORK/broker.log" && break; sleep 1; done
grep -q "broker started" "$WORK/broker.log" || { log "FAILED: external broker"; cat "$WORK/broker.log"; exit 1; }
log "external ActiveMQ broker on $BROKER_URL"

sed -e "s|@RAR@|$RAR|" -e "s|@RAR_NAME@|$RAR_NAME|" -e "s|@DB@|$DB|" -e "s|@BROKER@|${BROKER_URL//:/\\\\:}|" > "$WORK/postboot.txt" <<'PB'
create-resource-adapter-config --property ServerUrl=@BROKER@ @RAR_NAME@
deploy @RAR@
create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource --steadypoolsize 4 --maxpoolsize 40 --isconnectvalidatereq true --validationmethod auto-commit --property serverName=127.0.0.1:portNumber=5432:databaseName=@DB@:user=postgres:password=trust filodiretto-pool
create-jdbc-resource --connectionpoolid filodiretto-pool jdbc/filodiretto
PB

launch() {
    local name=$1 port=$2
    java -Xmx512m -Dfilodiretto.self-url="http://localhost:$port" -Dfilodiretto.admin.password="$ADMIN_PASSWORD" -Dfilodiretto.sandbox.enabled=true -Dfilodiretto.sandbox.i-know-this-is-not-production=true \
        -Dfilodiretto.dispatch.rate-per-second=$CEILING -Dfilodiretto.campaigns.quiet-hours=00:00-00:00 \
        -Dfilodiretto.assistant.index-dir="$WORK/index-$name" \
        -jar "$MICRO" --nocluster --port "$port" --addlibs "$WORK/postgresql-42.7.14.jar" \
        --postbootcommandfile "$WORK/postboot.txt" --deploy "$WORK/ROOT.war" > "$WORK/server-$name.log" 2>&1 &
    PIDS+=($!)
}
ready() {
    local name=$1 port=$2
    for _ in $(seq 1 240); do
        curl -fsS "http://localhost:$port/health/ready" 2>/dev/null | grep -q database && { log "instance $name ready on $port"; return; }
        sleep 1
    done
    log "FAILED: instance $name did not start"; tail -40 "$WORK/server-$name.log"; exit 1
}
# both at once on the empty database: migrations, the first administrator and the first notice must not collide
launch A $PORT_A
launch B $PORT_B
ready A $PORT_A
ready B $PORT_B
ADMINS=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tA -c "select count(*) from staff_account where username = 'admin'")
BOOTSTRAPS=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tA -c "select count(*) from audit_event where action = 'SYSTEM_BOOTSTRAPPED'")
[ "$ADMINS" = "1" ] && [ "$BOOTSTRAPS" = "1" ] || { log "FAILED: two simultaneous first starts made $ADMINS admin accounts, $BOOTSTRAPS bootstrap events"; exit 1; }
log "two simultaneous first starts: one admin account, one bootstrap event"
sleep 6 # one heartbeat: both instances know they are two

A="http://localhost:$PORT_A"
B="http://localhost:$PORT_B"
json() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p"; }
api() { curl -sS --fail-with-body -H 'Content-Type: application/json' "$@"; }
for user in "two-editor EDITOR" "two-reviewer REVIEWER"; do
    set -- $user
    api -u "admin:$ADMIN_PASSWORD" -d "{\"username\":\"$1\",\"displayName\":\"$1\",\"password\":\"Two-check-pass-1\",\"roles\":[\"$2\"]}" "$A/api/v1/staff" >/dev/null
done
api -d "{\"count\":$RECIPIENTS,\"topic\":\"public_utility\"}" "$A/sandbox/api/subscribers" >/dev/null
TOKEN="TWO$(date +%s)"
CID=$(api -u two-editor:Two-check-pass-1 -d "{\"title\":\"$TOKEN\",\"topics\":[\"public_utility\"],\"template\":\"avviso_protezione_civile\",\"bodyParameters\":[\"Prova $TOKEN\"]}" \
    "$A/api/v1/campaigns" | json id)
api -u two-editor:Two-check-pass-1 -X POST -d '{}' "$A/api/v1/campaigns/$CID/submit" >/dev/null
api -u two-reviewer:Two-check-pass-1 -X POST -d '{}' "$B/api/v1/campaigns/$CID/approve" >/dev/null
api -u two-reviewer:Two-check-pass-1 -X POST -d '{}' "$B/api/v1/campaigns/$CID/schedule" >/dev/null
T0=$(date +%s)
for _ in $(seq 1 $(( RECIPIENTS / 10 + 120 ))); do
    STATE=$(api -u two-reviewer:Two-check-pass-1 "$A/api/v1/campaigns/$CID/stats" | json state)
    [ "$STATE" = "SENT" ] && break
    sleep 1
done
ELAPSED=$(( $(date +%s) - T0 ))
REPORT=$(api "$A/sandbox/api/report?token=$TOKEN")
sent() { curl -fsS "$1/metrics?scope=application" | sed -n 's/^filodiretto_whatsapp_messages_sent_total[^ ]* \([0-9.]*\).*/\1/p' | head -1 | cut -d. -f1; }
SENT_A=$(sent "$A"); SENT_B=$(sent "$B")
BUSIEST=$(echo "$REPORT" | json busiestSecond)
log "campaign $CID: state $STATE in ${ELAPSED}s; sandbox: $REPORT; sent by A: $SENT_A, by B: $SENT_B"
[ "$STATE" = "SENT" ] || { log "FAILED: campaign not sent"; exit 1; }
[ "$(echo "$REPORT" | json recipients)" = "$RECIPIENTS" ] && [ "$(echo "$REPORT" | json recipientsWithMoreThanOne)" = "0" ] \
    || { log "FAILED: not exactly one message per recipient"; exit 1; }
[ "${SENT_A:-0}" -gt 0 ] && [ "${SENT_B:-0}" -gt 0 ] || { log "FAILED: both instances must send"; exit 1; }
# the ceiling is global: two instances at the full ceiling each would show about twice it
[ "$BUSIEST" -le $(( CEILING * 115 / 100 )) ] || { log "FAILED: busiest second $BUSIEST > ceiling $CEILING (+15 % jitter)"; exit 1; }
log "dispatch over two instances: $RECIPIENTS recipients once each, A sent $SENT_A and B $SENT_B, busiest second $BUSIEST (ceiling $CEILING/s)"

# the assistant: an article written on A is answered by B
SLUG="two-$(date +%s)"
api -u "admin:$ADMIN_PASSWORD" -d "{\"slug\":\"$SLUG\",\"title\":\"Noleggio sala consiliare\",\"text\":\"La sala consiliare si prenota all'URP con 15 giorni di anticipo.\",\"link\":\"https://www.comune.esempio.it/sala\"}" \
    "$A/api/v1/knowledge/articles" >/dev/null
ANSWER=""
for _ in $(seq 1 30); do
    ANSWER=$(api -u "admin:$ADMIN_PASSWORD" -d '{"question":"come prenoto la sala consiliare?"}' "$B/api/v1/assistant/ask")
    echo "$ANSWER" | grep -q "\"slug\":\"$SLUG\"" && break
    sleep 1
done
echo "$ANSWER" | grep -q "\"slug\":\"$SLUG\"" || { log "FAILED: B's assistant does not know A's article: $ANSWER"; exit 1; }
log "assistant: an article written on A answered on B"

# the audit chain written by both instances at once (logins, campaign steps, statuses...) is one gap-free chain
api -u "admin:$ADMIN_PASSWORD" -d '{"username":"two-dpo","displayName":"two-dpo","password":"Two-check-pass-1","roles":["PRIVACY_OFFICER"]}' \
    "$B/api/v1/staff" >/dev/null
VERIFIED=$(api -u two-dpo:Two-check-pass-1 "$A/api/v1/audit/verify")
echo "$VERIFIED" | grep -q '"valid":true' || { log "FAILED: audit chain over two instances: $VERIFIED"; exit 1; }
GAPS=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tA -c "select count(*) - (max(seq) - min(seq) + 1) from audit_event")
[ "$GAPS" = "0" ] || { log "FAILED: the audit sequence has gaps or duplicates ($GAPS)"; exit 1; }
log "audit: one gap-free chain written by both instances ($VERIFIED)"
# Issue #15, item 7: instance A is killed (kill -9) in the middle of a campaign that both are sending and started
# again; it must re-queue only the claims of a server that is gone (its own), never B's live ones. So the campaign
# completes, every recipient is reached, and a recipient has two messages only where a delivery was flagged as a
# possible duplicate (the API may have accepted it in the instant before the kill).
api -d "{\"count\":$RECIPIENTS,\"topic\":\"public_utility\"}" "$A/sandbox/api/subscribers" >/dev/null
TOTAL=$(( RECIPIENTS * 2 ))
TOKEN2="KILL$(date +%s)"
CID2=$(api -u two-editor:Two-check-pass-1 -d "{\"title\":\"$TOKEN2\",\"topics\":[\"public_utility\"],\"template\":\"avviso_protezione_civile\",\"bodyParameters\":[\"Prova $TOKEN2\"]}" \
    "$B/api/v1/campaigns" | json id)
api -u two-editor:Two-check-pass-1 -X POST -d '{}' "$B/api/v1/campaigns/$CID2/submit" >/dev/null
api -u two-reviewer:Two-check-pass-1 -X POST -d '{}' "$B/api/v1/campaigns/$CID2/approve" >/dev/null
api -u two-reviewer:Two-check-pass-1 -X POST -d '{}' "$B/api/v1/campaigns/$CID2/schedule" >/dev/null
for _ in $(seq 1 300); do
    M=$(api "$B/sandbox/api/report?token=$TOKEN2" | json messages)
    [ "${M:-0}" -ge $(( TOTAL / 4 )) ] && break
    sleep 0.2
done
pkill -9 -f "payara-micro.jar.*--port $PORT_A"
log "instance A killed with kill -9 after $M of $TOTAL messages of campaign $CID2; B goes on"
sleep 3
launch A $PORT_A
ready A $PORT_A
for _ in $(seq 1 $(( TOTAL / 10 + 180 ))); do
    STATE=$(api -u two-reviewer:Two-check-pass-1 "$B/api/v1/campaigns/$CID2/stats" | json state)
    [ "$STATE" = "SENT" ] && break
    sleep 1
done
REPORT2=$(api "$B/sandbox/api/report?token=$TOKEN2")
FLAGGED=$(api -u two-reviewer:Two-check-pass-1 "$B/api/v1/campaigns/$CID2/stats" | json possibleDuplicates)
MULTI=$(echo "$REPORT2" | json recipientsWithMoreThanOne)
log "campaign $CID2 after A's kill and restart: state $STATE; reached $(echo "$REPORT2" | json recipients) of $TOTAL;" \
    "with more than one message: $MULTI; flagged as possible duplicates: $FLAGGED"
[ "$STATE" = "SENT" ] && [ "$(echo "$REPORT2" | json recipients)" = "$TOTAL" ] && [ "$MULTI" -le "${FLAGGED:-0}" ] \
    || { log "FAILED: after a kill -9 of one instance, not every recipient once (or flagged)"; exit 1; }

log "OK: two instances, one database, one external broker"
