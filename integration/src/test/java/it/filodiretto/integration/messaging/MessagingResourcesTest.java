package it.filodiretto.integration.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessagingResourcesTest {

    @Test
    void theResourceAdapterIsNamedAfterThePomsVersion() {
        assertThat(MessagingResources.RESOURCE_ADAPTER).as("filtered from the root pom's activemq.rar.version")
                .matches("activemq-rar-\\d+\\.\\d+\\.\\d+.*");
    }
}
