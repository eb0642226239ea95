package it.filodiretto.domain.whatsapp;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class RawWebhookEventTest {

    @Test
    void failuresAreRetriedWithADoublingDelayThenTheWebhookIsDeadUntilAPersonRevivesIt() {
        OffsetDateTime now = OffsetDateTime.parse("2026-12-07T10:00:00Z");
        RawWebhookEvent event = new RawWebhookEvent("{}", now);
        long[] minutes = {1, 2, 4, 8};
        for (int attempt = 1; attempt < RawWebhookEvent.MAX_FAILURES; attempt++) {
            assertThat(event.failed("IllegalStateException", now)).isFalse();
            assertThat(event.failures()).isEqualTo(attempt);
            assertThat(event.retryAt()).isEqualTo(now.plusMinutes(minutes[attempt - 1]));
        }
        assertThat(event.failed("x".repeat(600), now)).isTrue();
        assertThat(event.isDead()).isTrue();
        assertThat(event.retryAt()).as("a dead webhook waits for a person").isNull();
        assertThat(event.lastError()).hasSize(500);
        event.revive();
        assertThat(event.isDead()).isFalse();
        assertThat(event.failures()).isZero();
    }
}
