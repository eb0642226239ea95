package it.filodiretto.domain.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationTest {

    @Test
    void scopesNestAndRestoreThePreviousId() {
        assertThat(Correlation.tag()).isEmpty();
        try (Correlation.Scope webhook = Correlation.open("webhook-7")) {
            assertThat(Correlation.tag()).isEqualTo(" [webhook-7]");
            try (Correlation.Scope delivery = Correlation.open("campaign-1/delivery-2")) {
                assertThat(Correlation.tag()).isEqualTo(" [campaign-1/delivery-2]");
            }
            assertThat(Correlation.tag()).isEqualTo(" [webhook-7]");
        }
        assertThat(Correlation.tag()).isEmpty();
    }
}
