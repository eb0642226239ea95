package it.filodiretto.integration.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookIntakeShapeTest {

    @Test
    void wellFormedJsonOfAnyKindIsTakenTooDeepAndMalformedAreNot() {
        assertThat(WebhookIntake.shape("{\"entry\":[{\"changes\":[]}]}", 32)).isEqualTo(WebhookIntake.Outcome.ACCEPTED);
        assertThat(WebhookIntake.shape("[1, 2]", 32)).isEqualTo(WebhookIntake.Outcome.ACCEPTED);
        assertThat(WebhookIntake.shape("42", 32)).isEqualTo(WebhookIntake.Outcome.ACCEPTED);
        assertThat(WebhookIntake.shape("[".repeat(33) + "]".repeat(33), 32)).isEqualTo(WebhookIntake.Outcome.TOO_DEEP);
        assertThat(WebhookIntake.shape("[".repeat(32) + "]".repeat(32), 32)).isEqualTo(WebhookIntake.Outcome.ACCEPTED);
        assertThat(WebhookIntake.shape("[".repeat(100_000), 32)).as("no stack is exhausted").isEqualTo(WebhookIntake.Outcome.TOO_DEEP);
        assertThat(WebhookIntake.shape("{\"a\": ", 32)).isEqualTo(WebhookIntake.Outcome.MALFORMED);
        assertThat(WebhookIntake.shape("", 32)).isEqualTo(WebhookIntake.Outcome.MALFORMED);
        assertThat(WebhookIntake.shape("[1,]", 32)).isEqualTo(WebhookIntake.Outcome.MALFORMED);
        assertThat(WebhookIntake.shape("{\"a\":1e999999999999}", 32)).isEqualTo(WebhookIntake.Outcome.MALFORMED);
    }
}
