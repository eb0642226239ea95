package it.filodiretto.integration.whatsapp;

import org.junit.jupiter.api.Test;

import java.sql.SQLDataException;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookProcessorTest {

    @Test
    void aFailureIsDescribedByItsKindNeverByAMessageThatMayQuoteANumber() {
        RuntimeException failure = new IllegalStateException("persist failed", new RuntimeException("wrapped",
                new SQLDataException("Value too long for column \"WA_ID\": '393401234567'", "22001")));
        assertThat(WebhookProcessor.describe(failure)).isEqualTo("SQLDataException (SQL state 22001)").doesNotContain("3934");
        assertThat(WebhookProcessor.describe(new NumberFormatException("For input string: \"393401234567\"")))
                .isEqualTo("NumberFormatException");
    }
}
