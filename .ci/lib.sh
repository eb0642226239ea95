# Sourced by the scripts (run.sh, .ci/, docker/ instructions): values defined once, in the root pom.xml.
# Reads the pom's text, no Maven start-up: a property must sit on one line, as <name>value</name>.

FILODIRETTO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# pom_property NAME: the value of <NAME> in the root pom.xml (fails when absent).
pom_property() {
    local value
    value=$(sed -n "s|^[[:space:]]*<${1//./\\.}>\([^<]*\)</${1//./\\.}>.*|\1|p" "$FILODIRETTO_ROOT/pom.xml" | head -n 1)
    [ -n "$value" ] || { echo "pom_property: no <$1> in $FILODIRETTO_ROOT/pom.xml" >&2; return 1; }
    echo "$value"
}

# The ActiveMQ resource adapter: its version, and the name the servers deploy it under (the code's
# MessagingResources.RESOURCE_ADAPTER, generated from the same property).
activemq_rar_version() { pom_property activemq.rar.version; }
activemq_rar_name() { local version; version=$(activemq_rar_version) && echo "activemq-rar-$version"; }
