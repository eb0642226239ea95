package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.whatsapp.InboundMessage;
import it.filodiretto.domain.whatsapp.PreferenceUpdate;
import it.filodiretto.domain.whatsapp.StatusUpdate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookLimitsTest {

    static InboundMessage message(String id, String from, String type) {
        return new InboundMessage(id, from, null, type, "ciao", null, null, null, null, null);
    }

    @Test
    void metasShapesPassAndOverLongOrMissingValuesAreNamedWithoutTheirValue() {
        assertThat(WebhookLimits.problem(message("wamid.HBgM", "393401234567", "text"))).isEmpty();
        assertThat(WebhookLimits.problem(message("wamid.HBgM", null, "text"))).as("a BSUID-only sender").isEmpty();
        assertThat(WebhookLimits.problem(message(null, "393401234567", "text"))).contains("message without an id");
        assertThat(WebhookLimits.problem(message("wamid.HBgM", "9".repeat(220), "text"))).get().asString()
                .isEqualTo("from is not a WhatsApp number (5 to 20 digits)").doesNotContain("999");
        assertThat(WebhookLimits.problem(message("w".repeat(201), "393401234567", "text")))
                .contains("message id longer than 200 characters");
        assertThat(WebhookLimits.problem(message("wamid.HBgM", "393401234567", "t".repeat(33)))).contains("type longer than 32 characters");

        assertThat(WebhookLimits.problem(new StatusUpdate("wamid.X", "delivered", null, "393401234567", null, null))).isEmpty();
        assertThat(WebhookLimits.problem(new StatusUpdate("wamid.X", "x".repeat(22), null, null, null, null))).isPresent();
        assertThat(WebhookLimits.problem(new StatusUpdate("wamid.X", "DELIVERED", null, null, null, null))).isPresent();
        assertThat(WebhookLimits.problem(new StatusUpdate("wamid.X", "read", null, "+39 340", null, null))).isPresent();
        assertThat(WebhookLimits.problem(new StatusUpdate(null, "read", null, null, null, null))).contains("status without a message id");

        assertThat(WebhookLimits.problem(new PreferenceUpdate("393401234567", null, "marketing_messages", true, null))).isEmpty();
        assertThat(WebhookLimits.problem(new PreferenceUpdate("abc", null, "marketing_messages", true, null))).isPresent();
    }
}
