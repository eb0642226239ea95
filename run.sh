#!/usr/bin/env bash
# Builds Filo Diretto and runs it on Payara Micro with the embedded defaults:
# H2 file database and persistent ActiveMQ broker under $FILODIRETTO_DATA (default ./data),
# sandbox WhatsApp gateway, console on http://localhost:${FILODIRETTO_PORT:-8080}/.
# Idempotent: run it again and the data of the previous run is still there.
#
#   FILODIRETTO_PORT            HTTP port (default 8080)
#   FILODIRETTO_DATA            work directory (default ./data)
#   FILODIRETTO_ADMIN_PASSWORD  password of the first 'admin' account (first start only; else generated and logged)
#   FILODIRETTO_SKIP_BUILD=1    run what was built last time
#   FILODIRETTO_ASSISTANT_SEED_FILE  knowledge base loaded when empty (default: the sample; set empty for none)
#   FILODIRETTO_SANDBOX_ENABLED the sandbox WhatsApp gateway (default here: true without an access token;
#                               the application's own default is false, docs/security.md)
#   JAVA_OPTS                   JVM options (default -Xmx768m)
# Every other setting: docs/configuration.md (environment variables override the defaults).
set -euo pipefail
cd "$(dirname "$0")"
source .ci/lib.sh

PORT="${FILODIRETTO_PORT:-8080}"
DATA_DIR="${FILODIRETTO_DATA:-./data}"
mkdir -p "$DATA_DIR"
DATA_DIR="$(cd "$DATA_DIR" && pwd)"

if [ "${FILODIRETTO_SKIP_BUILD:-0}" != "1" ]; then
    ./mvnw -q -B -DskipTests package -pl web -am
fi

RUNTIME="$PWD/web/target/runtime"
RAR_NAME="$(activemq_rar_name)"
RAR="$RUNTIME/$RAR_NAME.rar"
[ -f "$RAR" ] && [ -f "$RUNTIME/payara-micro.jar" ] || { echo "run.sh: build output missing; run without FILODIRETTO_SKIP_BUILD" >&2; exit 1; }

# Payara Micro keeps no state between runs (no --rootdir), so the post-boot commands never meet
# "already exists"; the application's data lives in $DATA_DIR.
sed -e "s|@DATA_DIR@|$DATA_DIR|g" -e "s|@RAR@|$RAR|g" -e "s|@RAR_NAME@|$RAR_NAME|g" web/src/main/payara/postboot.txt > "$DATA_DIR/postboot.txt"
cp web/target/filodiretto.war "$DATA_DIR/ROOT.war"

# The application calls itself (sandbox gateway, webhooks, self-test) at this address.
export FILODIRETTO_SELF_URL="${FILODIRETTO_SELF_URL:-http://localhost:$PORT}"
# The assistant's search index lives with the data; an empty knowledge base starts with the sample one
# (bench/assistant/knowledge-base.json, a fictional city's articles) so the chat answers at once.
export FILODIRETTO_ASSISTANT_INDEX_DIR="${FILODIRETTO_ASSISTANT_INDEX_DIR:-$DATA_DIR/assistant-index}"
export FILODIRETTO_ASSISTANT_SEED_FILE="${FILODIRETTO_ASSISTANT_SEED_FILE-$PWD/bench/assistant/knowledge-base.json}"

# The sandbox gateway is off unless switched on: this local start switches it on, unless a real Cloud API
# access token is given (the application would refuse the sandbox next to it).
if [ -z "${FILODIRETTO_WHATSAPP_ACCESS_TOKEN:-}" ]; then
    export FILODIRETTO_SANDBOX_ENABLED="${FILODIRETTO_SANDBOX_ENABLED:-true}"
fi

echo "Filo Diretto starting on http://localhost:$PORT/  (data in $DATA_DIR)"
exec java ${JAVA_OPTS:--Xmx768m} -jar "$RUNTIME/payara-micro.jar" \
    --nocluster \
    --port "$PORT" \
    --postbootcommandfile "$DATA_DIR/postboot.txt" \
    --deploy "$DATA_DIR/ROOT.war"
