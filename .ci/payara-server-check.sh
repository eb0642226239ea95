#!/usr/bin/env bash
# Production-path check: the EAR on Payara Server Full with PostgreSQL and the ActiveMQ resource adapter.
# Unpacks the server from the Maven repository, creates a throw-away domain on ports 28xxx, configures the
# RAR (embedded broker), the PostgreSQL JDBC pool and jdbc/filodiretto, deploys the EAR, waits for
# readiness, runs the self-test (JMS round trip + fault-tolerance retry) over HTTP, stops everything.
# Needs: the EAR built (ear/target/filodiretto.ear); PostgreSQL on 127.0.0.1:5432 (installed and started
# from Debian's packages when absent, as root).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/lib.sh
ROOT="$PWD"
WORK="$ROOT/target/payara-server-check"
PORTBASE=28000
ADMIN_PORT=$((PORTBASE + 48))
HTTP_PORT=$((PORTBASE + 80))
DOMAIN=filodiretto-check
DB=filodiretto_ci
ADMIN_PASSWORD='Ci-server-check-2026'
RAR_VERSION=$(activemq_rar_version)

log() { echo "[payara-server-check] $*"; }

ensure_postgresql() {
    if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then return; fi
    log "PostgreSQL not answering on 127.0.0.1:5432: installing/starting it"
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    local version; version=$(ls /etc/postgresql | sort -V | tail -1)
    local conf="/etc/postgresql/$version/main/pg_hba.conf"
    if ! grep -q "filodiretto-ci trust" "$conf"; then
        sed -i '1i host all all 127.0.0.1/32 trust # filodiretto-ci trust' "$conf"
    fi
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && return; sleep 1; done
    log "PostgreSQL did not start"; exit 1
}

psql_admin() { psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -q "$@"; }

[ -f ear/target/filodiretto.ear ] || { log "ear/target/filodiretto.ear missing: build first"; exit 1; }
ensure_postgresql
psql_admin -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

rm -rf "$WORK" && mkdir -p "$WORK"
log "fetching Payara Server, the PostgreSQL driver and the ActiveMQ RAR from the Maven repository"
./mvnw -q -B dependency:copy -Dartifact=fish.payara.distributions:payara:6.2025.9:zip -DoutputDirectory="$WORK"
./mvnw -q -B dependency:copy -Dartifact=org.postgresql:postgresql:42.7.14 -DoutputDirectory="$WORK"
./mvnw -q -B dependency:copy -Dartifact=org.apache.activemq:activemq-rar:$RAR_VERSION:rar -DoutputDirectory="$WORK"
unzip -q "$WORK/payara-6.2025.9.zip" -d "$WORK"
ASADMIN="$WORK/payara6/bin/asadmin"
AS() { "$ASADMIN" --port "$ADMIN_PORT" --interactive=false "$@"; }

cleanup() {
    AS stop-domain "$DOMAIN" >/dev/null 2>&1 || true
}
[ "${KEEP_DOMAIN:-0}" = "1" ] || trap cleanup EXIT

"$ASADMIN" --interactive=false create-domain --portbase "$PORTBASE" --nopassword "$DOMAIN" >/dev/null
T0=$(date +%s)
AS start-domain "$DOMAIN" >/dev/null
log "domain started in $(( $(date +%s) - T0 )) s"

AS add-library "$WORK/postgresql-42.7.14.jar" >/dev/null
# the first administrator's password as docs/deploy-payara-server.md says: a password alias, never in clear
echo "AS_ADMIN_ALIASPASSWORD=$ADMIN_PASSWORD" > "$WORK/alias.txt"
AS --passwordfile "$WORK/alias.txt" create-password-alias filodiretto-admin-password >/dev/null
rm -f "$WORK/alias.txt"
AS create-system-properties 'filodiretto.admin.password=${ALIAS=filodiretto-admin-password}' >/dev/null
AS create-system-properties "filodiretto.self-url=http\\://localhost\\:$HTTP_PORT" >/dev/null
# production-like: no sandbox gateway
AS create-system-properties "filodiretto.sandbox.enabled=false" >/dev/null
AS create-resource-adapter-config --property "ServerUrl=vm\://localhost?create\=false:BrokerXmlConfig=broker\:(vm\://localhost)?persistent\=true&useJmx\=false&dataDirectory\=$WORK/broker" activemq-rar-$RAR_VERSION >/dev/null
AS deploy --type rar --name activemq-rar-$RAR_VERSION "$WORK/activemq-rar-$RAR_VERSION.rar" >/dev/null
AS create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
    --steadypoolsize 4 --maxpoolsize 40 --isconnectvalidatereq true --validationmethod auto-commit \
    --property "serverName=127.0.0.1:portNumber=5432:databaseName=$DB:user=postgres:password=trust-auth-ignores-this" filodiretto-pool >/dev/null
AS create-jdbc-resource --connectionpoolid filodiretto-pool jdbc/filodiretto >/dev/null
AS ping-connection-pool filodiretto-pool >/dev/null
log "resource adapter and PostgreSQL pool configured"

T0=$(date +%s)
AS deploy --name filodiretto --contextroot / ear/target/filodiretto.ear >/dev/null
log "EAR deployed in $(( $(date +%s) - T0 )) s"

BASE="http://localhost:$HTTP_PORT"
for _ in $(seq 1 60); do
    if curl -fsS "$BASE/health/ready" >/dev/null 2>&1; then break; fi
    sleep 1
done
READY=$(curl -sS "$BASE/health/ready")
log "readiness: $READY"
echo "$READY" | grep -q '"status":"UP"' || { log "FAILED: not ready"; tail -50 "$WORK/payara6/glassfish/domains/$DOMAIN/logs/server.log"; exit 1; }

LOGIN=$(curl -s -o /dev/null -w "%{http_code}" "$BASE/login.xhtml")
[ "$LOGIN" = "200" ] || { log "FAILED: login page answered $LOGIN"; exit 1; }

SELFTEST=$(curl -sS -u "admin:$ADMIN_PASSWORD" -w "\n%{http_code}" "$BASE/api/v1/system/self-test")
log "self-test (as admin, whose password came from a password alias): $SELFTEST"
echo "$SELFTEST" | tail -1 | grep -q '^200$' || { log "FAILED: self-test"; tail -80 "$WORK/payara6/glassfish/domains/$DOMAIN/logs/server.log"; exit 1; }
echo "$SELFTEST" | grep -q '"attempts":3' || { log "FAILED: @Retry did not retry"; exit 1; }
echo "$SELFTEST" | grep -q '"messaging":{"ok":true' || { log "FAILED: JMS round trip"; exit 1; }

SANDBOX=$(curl -s -o /dev/null -w "%{http_code}" "$BASE/sandbox/phone")
[ "$SANDBOX" = "404" ] || { log "FAILED: /sandbox/phone answered $SANDBOX with the sandbox off"; exit 1; }
UNSIGNED=$(curl -s -o /dev/null -w "%{http_code}" -X POST -H 'Content-Type: application/json' -d '{"object":"whatsapp_business_account","entry":[]}' "$BASE/webhook/whatsapp")
[ "$UNSIGNED" = "401" ] || { log "FAILED: an unsigned webhook answered $UNSIGNED"; exit 1; }
log "sandbox off: /sandbox answers 404; an unsigned webhook answers 401"

TABLES=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tA -c "select count(*) from flyway_schema_history where success")
log "Flyway migrations applied on PostgreSQL: $TABLES"
for change in "update audit_event set actor = 'x'" "delete from audit_event" "truncate audit_event"; do
    if psql -h 127.0.0.1 -U postgres -d "$DB" -q -c "$change" 2>/dev/null; then
        log "FAILED: the audit table accepted: $change"; exit 1
    fi
done
log "audit_event rejects UPDATE, DELETE and TRUNCATE on PostgreSQL"
# Campaign and dispatch on PostgreSQL (their SQL is partly native): the sandbox on for this phase only; on
# PostgreSQL the application refuses it (readiness DOWN) without the second, explicit key
AS create-system-properties "filodiretto.sandbox.enabled=true" >/dev/null
AS create-system-properties "filodiretto.sandbox.i-know-this-is-not-production=true" >/dev/null
# CI runs at any hour: no quiet hours for the campaign of this phase
AS create-system-properties "filodiretto.campaigns.quiet-hours=00\\:00-00\\:00" >/dev/null
T0=$(date +%s)
AS restart-domain "$DOMAIN" >/dev/null
for _ in $(seq 1 180); do
    # the server answers /health before the application is back: wait for the application's own checks
    if curl -fsS "$BASE/health/ready" 2>/dev/null | grep -q database; then break; fi
    sleep 1
done
log "restarted with the sandbox on in $(( $(date +%s) - T0 )) s"
json() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p"; }
api() { curl -fsS -H 'Content-Type: application/json' "$@"; }
for user in "pg-editor EDITOR" "pg-reviewer REVIEWER"; do
    set -- $user
    api -u "admin:$ADMIN_PASSWORD" -d "{\"username\":\"$1\",\"displayName\":\"$1\",\"password\":\"Pg-check-pass-1\",\"roles\":[\"$2\"]}" "$BASE/api/v1/staff" >/dev/null
done
SEEDED=$(curl -sS -w " %{http_code}" -H 'Content-Type: application/json' -d '{"count":25,"topic":"public_utility"}' "$BASE/sandbox/api/subscribers")
case "$SEEDED" in *" 200") ;; *) log "FAILED: seeding subscribers through the sandbox answered: $SEEDED"; exit 1 ;; esac
TOKEN="PG$(date +%s)"
CID=$(api -u pg-editor:Pg-check-pass-1 -d "{\"title\":\"$TOKEN\",\"topics\":[\"public_utility\"],\"template\":\"avviso_protezione_civile\",\"bodyParameters\":[\"Prova $TOKEN\"]}" \
    "$BASE/api/v1/campaigns" | json id)
api -u pg-editor:Pg-check-pass-1 -X POST -d '{}' "$BASE/api/v1/campaigns/$CID/submit" >/dev/null
api -u pg-reviewer:Pg-check-pass-1 -X POST -d '{}' "$BASE/api/v1/campaigns/$CID/approve" >/dev/null
api -u pg-reviewer:Pg-check-pass-1 -X POST -d '{}' "$BASE/api/v1/campaigns/$CID/schedule" >/dev/null
# every message is delivered by the sandbox, a share of them also read (filodiretto.sandbox.read-ratio)
REACHED=0
for _ in $(seq 1 120); do
    STATS=$(api -u pg-reviewer:Pg-check-pass-1 "$BASE/api/v1/campaigns/$CID/stats")
    REACHED=$(( $(echo "$STATS" | json delivered) + $(echo "$STATS" | json read) ))
    [ "$(echo "$STATS" | json state)" = "SENT" ] && [ "$REACHED" = "25" ] && break
    sleep 1
done
REPORT=$(api "$BASE/sandbox/api/report?token=$TOKEN")
[ "$(echo "$STATS" | json state)" = "SENT" ] && [ "$REACHED" = "25" ] && [ "$(echo "$REPORT" | json recipients)" = "25" ] \
    && [ "$(echo "$REPORT" | json recipientsWithMoreThanOne)" = "0" ] \
    || { log "FAILED: campaign on PostgreSQL: $STATS / $REPORT"; exit 1; }
log "campaign on PostgreSQL: 25 recipients, each one message, statuses applied (SENT; delivered or read: 25)"
# The assistant on PostgreSQL: import the sample knowledge base, a citizen asks on the sandbox phone
IMPORTED=$(curl -sS -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' --data-binary @bench/assistant/knowledge-base.json \
    -w " %{http_code}" "$BASE/api/v1/knowledge/articles/import")
case "$IMPORTED" in *" 200") ;; *) log "FAILED: knowledge-base import answered: $IMPORTED"; exit 1 ;; esac
CITIZEN="+39347$(( 1000000 + RANDOM * 200 ))"
api -d "{\"from\":\"$CITIZEN\",\"text\":\"quando passa la plastica?\"}" "$BASE/sandbox/api/inbound" >/dev/null
ANSWER=""
for _ in $(seq 1 30); do
    ANSWER=$(api "$BASE/sandbox/api/messages?to=%2B${CITIZEN#+}")
    echo "$ANSWER" | grep -q 'rifiuti/plastica' && break
    sleep 1
done
echo "$ANSWER" | grep -q 'rifiuti/plastica' && echo "$ANSWER" | grep -q 'assistente automatico' \
    || { log "FAILED: the assistant did not answer on PostgreSQL: $ANSWER"; exit 1; }
for _ in $(seq 1 40); do
    curl -fs -o /dev/null -u "admin:$ADMIN_PASSWORD" "$BASE/api/v1/knowledge/articles/campagna-$CID" && break
    sleep 1
done
curl -fsS -o /dev/null -u "admin:$ADMIN_PASSWORD" "$BASE/api/v1/knowledge/articles/campagna-$CID" \
    || { log "FAILED: the sent campaign did not become a knowledge-base article"; exit 1; }
log "assistant on PostgreSQL: 109 articles imported, a citizen's question answered with the official link and the disclosure; the campaign became an article"
# Backup and restore on PostgreSQL (docs/deploy-payara-server.md §7): dump, drop, restore, restart; the chain verifies
api -u "admin:$ADMIN_PASSWORD" -d '{"username":"pg-dpo","displayName":"pg-dpo","password":"Pg-check-pass-1","roles":["PRIVACY_OFFICER"]}' "$BASE/api/v1/staff" >/dev/null
BEFORE=$(api -u pg-dpo:Pg-check-pass-1 "$BASE/api/v1/audit/verify")
echo "$BEFORE" | grep -q '"valid":true' || { log "FAILED: audit chain before the backup: $BEFORE"; exit 1; }
AS stop-domain "$DOMAIN" >/dev/null
pg_dump -h 127.0.0.1 -U postgres -Fc "$DB" > "$WORK/backup.dump"
psql_admin -c "DROP DATABASE $DB" -c "CREATE DATABASE $DB"
pg_restore -h 127.0.0.1 -U postgres -d "$DB" --no-owner "$WORK/backup.dump"
AS start-domain "$DOMAIN" >/dev/null
for _ in $(seq 1 180); do
    if curl -fsS "$BASE/health/ready" 2>/dev/null | grep -q database; then break; fi
    sleep 1
done
AFTER=$(api -u pg-dpo:Pg-check-pass-1 "$BASE/api/v1/audit/verify")
EVENTS_BEFORE=$(echo "$BEFORE" | json events)
EVENTS_AFTER=$(echo "$AFTER" | json events)
echo "$AFTER" | grep -q '"valid":true' && [ "$EVENTS_AFTER" -gt "$EVENTS_BEFORE" ] \
    || { log "FAILED: audit chain after the restore: $AFTER (before: $BEFORE)"; exit 1; }
log "backup and restore: dumped ($(du -h "$WORK/backup.dump" | cut -f1)), database dropped and restored, chain intact ($EVENTS_BEFORE events before, $EVENTS_AFTER after, the verification itself included)"
log "OK: EAR deployed on Payara Server 6.2025.9 with PostgreSQL; JMS round trip, @Retry, a whole campaign, the assistant, backup and restore work"
