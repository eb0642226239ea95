#!/usr/bin/env bash
# Evaluation of the virtual assistant (issue #8): the same Lucene index and answer engine the chat uses,
# in retrieval mode, on a knowledge base file and a file of questions.
#   bench/assistant-eval.sh questions.jsonl [--kb knowledge-base.json] [--articles N] [--threshold T] [--no-fuzzy] [-v]
# questions.jsonl: one {"question": "...", "expected_article": "<slug>"|null} per line (null = out of scope).
# --kb: default bench/assistant/knowledge-base.json (format: docs/assistant.md);
# --articles N: pads the knowledge base with generated articles up to N (the 10,000-article figure);
# -v: lists every miss and every wrongly answered out-of-scope question.
# Prints hit@1, hit@3, out-of-scope correctly declined, p50/p95 answer time.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
WORK="$PWD/target/bench-assistant"
mkdir -p "$WORK"
if [ "${EVAL_SKIP_BUILD:-0}" != "1" ] || [ ! -f "$WORK/classpath" ]; then
    ./mvnw -q -B -DskipTests install -pl domain,integration -am
    ./mvnw -q -B dependency:build-classpath -pl integration -Dmdep.outputFile="$WORK/classpath" >/dev/null
fi
CP="$PWD/domain/target/classes:$PWD/integration/target/classes:$(cat "$WORK/classpath")"
exec java -Xmx1g ${EVAL_JAVA_OPTS:-} -cp "$CP" bench/AssistantEval.java "$@"
