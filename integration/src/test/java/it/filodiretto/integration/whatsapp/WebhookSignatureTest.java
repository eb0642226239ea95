package it.filodiretto.integration.whatsapp;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final String SECRET = "app-secret-for-tests";
    private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureOverTheExactBytesVerifies() {
        // Independently computed: printf '%s' "$BODY" | openssl dgst -sha256 -hmac app-secret-for-tests
        assertThat(WebhookSignature.sign(SECRET, BODY)).isEqualTo("sha256=" + hmacHex(SECRET, BODY));
        assertThat(WebhookSignature.verify(SECRET, BODY, WebhookSignature.sign(SECRET, BODY))).isTrue();
    }

    @Test
    void upperCaseHexAndSurroundingSpacesAreAccepted() {
        String header = WebhookSignature.sign(SECRET, BODY);
        assertThat(WebhookSignature.verify(SECRET, BODY, "  sha256=" + header.substring(7).toUpperCase() + " ")).isTrue();
    }

    @Test
    void aWrongMissingOrMalformedSignatureIsRefused() {
        String good = WebhookSignature.sign(SECRET, BODY);
        assertThat(WebhookSignature.verify("another-secret", BODY, good)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, BODY, null)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, BODY, "")).isFalse();
        assertThat(WebhookSignature.verify(SECRET, BODY, good.substring(7))).as("without sha256= prefix").isFalse();
        assertThat(WebhookSignature.verify(SECRET, BODY, "sha1=" + good.substring(7))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, BODY, "sha256=zz" + good.substring(9))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, BODY, good.substring(0, good.length() - 2))).isFalse();
        assertThat(WebhookSignature.verify(null, BODY, good)).as("no secret configured").isFalse();
    }

    @Test
    void aTamperedBodyIsRefused() {
        String good = WebhookSignature.sign(SECRET, BODY);
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 2] = ' ';
        assertThat(WebhookSignature.verify(SECRET, tampered, good)).isFalse();
    }

    @Test
    void theSignatureCoversBytesNotCharacters() {
        String text = "{\"text\":\"città – perché\"}";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
        String header = WebhookSignature.sign(SECRET, utf8);
        assertThat(WebhookSignature.verify(SECRET, utf8, header)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, latin1, header)).as("same text, other encoding").isFalse();
        byte[] escaped = "{\"text\":\"citt\\u00e0 \\u2013 perch\\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.verify(SECRET, escaped, header)).as("same JSON value, other bytes").isFalse();
    }

    private static String hmacHex(String secret, byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder hex = new StringBuilder();
            for (byte b : mac.doFinal(body)) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
