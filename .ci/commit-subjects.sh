#!/usr/bin/env bash
# Commit subjects are changelog lines: at most 72 characters, the detail in the body (CONTRIBUTING in README).
# Checks every commit since the rule (the history before it is what it is); a shallow clone checks what it has.
set -euo pipefail
cd "$(dirname "$0")/.."
RULE_SINCE=6b2b881 # the last commit with an essay for a subject
# merged from branches begun before this check existed (history is not rewritten once shared)
EXEMPT="aeef43a"
if ! git rev-parse -q --verify HEAD >/dev/null 2>&1; then echo "not a git checkout: nothing to check"; exit 0; fi
if git cat-file -e "$RULE_SINCE^{commit}" 2>/dev/null; then RANGE="$RULE_SINCE..HEAD"; else RANGE="HEAD"; fi
export LC_ALL=C.UTF-8 # characters, not bytes
long=$(git log --format='%H %s' "$RANGE" | while IFS= read -r line; do
    subject=${line#* }
    for e in $EXEMPT; do case "$line" in "$e"*) continue 2 ;; esac; done
    if [ "${#subject}" -gt 72 ]; then printf '  %s (%d characters)\n' "$line" "${#subject}"; fi
done)
if [ -n "$long" ]; then
    echo "commit subjects over 72 characters (put the detail in the body):"
    echo "$long"
    exit 1
fi
echo "commit subjects: all $(git rev-list --count "$RANGE") within 72 characters"
