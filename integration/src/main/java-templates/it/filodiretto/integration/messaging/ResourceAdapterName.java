package it.filodiretto.integration.messaging;

/**
 * The name the ActiveMQ resource adapter is deployed under. A template, filtered by the build into
 * target/generated-sources: the version is the root pom's {@code activemq.rar.version}, defined there only.
 */
final class ResourceAdapterName {

    static final String VALUE = "activemq-rar-${activemq.rar.version}";

    private ResourceAdapterName() {
    }
}
