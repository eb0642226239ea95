package it.filodiretto.integration.whatsapp;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxSwitchTest {

    private static final Optional<String> H2 = Optional.of("H2");
    private static final Optional<String> POSTGRES = Optional.of("PostgreSQL");
    private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSandboxIsOffUnlessSwitchedOnEvenWithoutAnAccessToken() {
        WhatsAppSettings settings = settings(null, Optional.empty(), false, false, Optional.empty());
        settings.decide(H2);
        assertThat(settings.isSandbox()).isFalse();
        assertThat(settings.sandbox().refusal()).isEmpty();
        assertThat(settings.sandboxSecret()).isNull();
    }

    @Test
    void switchedOnWithH2AndNoTokenItRuns() {
        assertThat(SandboxSwitch.decide(true, false, H2, false).active()).isTrue();
    }

    @Test
    void switchedOnNextToARealTokenOrPostgresqlItIsRefusedWithTheReason() {
        SandboxSwitch withToken = SandboxSwitch.decide(true, true, H2, false);
        assertThat(withToken.active()).isFalse();
        assertThat(withToken.refusal()).get().asString().contains("access token").contains(SandboxSwitch.NOT_PRODUCTION);
        SandboxSwitch onPostgres = SandboxSwitch.decide(true, false, POSTGRES, false);
        assertThat(onPostgres.active()).isFalse();
        assertThat(onPostgres.refusal()).get().asString().contains("PostgreSQL");
        assertThat(SandboxSwitch.decide(true, false, Optional.empty(), false).active()).as("database unknown").isFalse();
    }

    @Test
    void theSecondKeyLetsItRunOnPostgresql() {
        SandboxSwitch acknowledged = SandboxSwitch.decide(true, false, POSTGRES, true);
        assertThat(acknowledged.active()).isTrue();
        assertThat(acknowledged.refusal()).isEmpty();
    }

    @Test
    void theSandboxSignsWithItsOwnSecretAcceptedOnlyWhileItRuns() {
        WhatsAppSettings on = settings("configured-app-secret", Optional.empty(), true, false, Optional.empty());
        on.decide(H2);
        assertThat(on.sandboxSecret()).isNotNull().isNotEqualTo("configured-app-secret");
        assertThat(on.acceptsSignature(BODY, WebhookSignature.sign(on.sandboxSecret(), BODY))).isTrue();
        assertThat(on.acceptsSignature(BODY, WebhookSignature.sign("configured-app-secret", BODY))).isTrue();

        WhatsAppSettings off = settings("configured-app-secret", Optional.empty(), false, false, Optional.of("sandbox-secret"));
        off.decide(H2);
        assertThat(off.acceptsSignature(BODY, WebhookSignature.sign("sandbox-secret", BODY))).isFalse();
        assertThat(off.acceptsSignature(BODY, WebhookSignature.sign("configured-app-secret", BODY))).isTrue();
    }

    @Test
    void aConfiguredSandboxSecretIsUsed() {
        WhatsAppSettings on = settings(null, Optional.empty(), true, false, Optional.of("sandbox-secret"));
        on.decide(H2);
        assertThat(on.sandboxSecret()).isEqualTo("sandbox-secret");
        assertThat(on.appSecret()).isNull();
    }

    private static WhatsAppSettings settings(String appSecret, Optional<String> token, boolean requested, boolean acknowledged,
            Optional<String> sandboxSecret) {
        WhatsAppSettings settings = new WhatsAppSettings();
        settings.appSecret = Optional.ofNullable(appSecret);
        settings.accessToken = token;
        settings.sandboxRequested = requested;
        settings.sandboxNotProduction = acknowledged;
        settings.sandboxAppSecret = sandboxSecret;
        return settings;
    }
}
