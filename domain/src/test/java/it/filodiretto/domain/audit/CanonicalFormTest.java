package it.filodiretto.domain.audit;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalFormTest {

    private static final OffsetDateTime TIME = OffsetDateTime.of(2026, 12, 1, 15, 3, 7, 123_000_000, ZoneOffset.ofHours(1));

    @Test
    void canonicalFormIsTheDocumentedLinesInUtc() {
        AuditRecord record = new AuditRecord(7, TIME, "mrossi", "LOGIN", "staff", "mrossi", "{\"origin\":\"console\"}");

        assertThat(CanonicalForm.canonical(record)).isEqualTo(
                "v1\n7\n2026-12-01T14:03:07.123Z\nmrossi\nLOGIN\nstaff\nmrossi\n{\"origin\":\"console\"}");
    }

    @Test
    void absentTargetIsAnEmptyField() {
        AuditRecord record = new AuditRecord(1, TIME, "system", "SYSTEM_BOOTSTRAPPED", null, null, "{}");

        assertThat(CanonicalForm.canonical(record)).endsWith("SYSTEM_BOOTSTRAPPED\n\n\n{}");
    }

    @Test
    void hashIsSha256OfCanonicalBytesFollowedByThePreviousHash() {
        AuditRecord record = new AuditRecord(1, TIME, "system", "SYSTEM_BOOTSTRAPPED", "staff", "admin", "{}");
        // Recomputed independently: printf 'v1\n1\n2026-12-01T14:03:07.123Z\nsystem\nSYSTEM_BOOTSTRAPPED\nstaff\nadmin\n{}0000…0000' | sha256sum
        String expected = sha256Hex(CanonicalForm.canonical(record) + CanonicalForm.GENESIS_HASH);

        assertThat(CanonicalForm.hash(record, CanonicalForm.GENESIS_HASH)).isEqualTo(expected).hasSize(64);
    }

    @Test
    void knownAnswersComputedWithTheDocumentedPythonSnippet() {
        // docs/audit.md: link(1, "2026-12-01T14:03:07.123Z", "system", "SYSTEM_BOOTSTRAPPED", "staff", "admin", "{}", "0"*64)
        // and the next event chained to it — values printed by the Python snippet, not by this code
        AuditRecord first = new AuditRecord(1, TIME, "system", "SYSTEM_BOOTSTRAPPED", "staff", "admin", "{}");
        AuditRecord second = new AuditRecord(2, OffsetDateTime.of(2026, 12, 1, 14, 3, 8, 0, ZoneOffset.UTC), "admin", "LOGIN", "staff",
                "admin", "{\"origin\":\"console\"}");

        String firstHash = CanonicalForm.hash(first, CanonicalForm.GENESIS_HASH);
        assertThat(firstHash).isEqualTo("3d4d5233e72e22918bb88498a4af97388aabd01ba64f61da39e39fb25ea975af");
        assertThat(CanonicalForm.hash(second, firstHash)).isEqualTo("b5696343534bdde653624c455572e6e874634fee58964dff9dee17e75d48ac61");
    }

    @Test
    void anyChangedFieldChangesTheHash() {
        AuditRecord base = new AuditRecord(3, TIME, "a", "LOGIN", "staff", "a", "{}");
        String hash = CanonicalForm.hash(base, CanonicalForm.GENESIS_HASH);

        List<AuditRecord> variants = List.of(
                new AuditRecord(4, TIME, "a", "LOGIN", "staff", "a", "{}"),
                new AuditRecord(3, TIME.plusNanos(1_000_000), "a", "LOGIN", "staff", "a", "{}"),
                new AuditRecord(3, TIME, "b", "LOGIN", "staff", "a", "{}"),
                new AuditRecord(3, TIME, "a", "LOGOUT", "staff", "a", "{}"),
                new AuditRecord(3, TIME, "a", "LOGIN", "campaign", "a", "{}"),
                new AuditRecord(3, TIME, "a", "LOGIN", "staff", "b", "{}"),
                new AuditRecord(3, TIME, "a", "LOGIN", "staff", "a", "{\"x\":1}"));
        variants.forEach(v -> assertThat(CanonicalForm.hash(v, CanonicalForm.GENESIS_HASH)).isNotEqualTo(hash));
        assertThat(CanonicalForm.hash(base, "1".repeat(64))).isNotEqualTo(hash);
    }

    @Test
    void lineBreaksInAFieldAreRefused() {
        AuditRecord record = new AuditRecord(1, TIME, "a\nb", "LOGIN", null, null, "{}");

        assertThatThrownBy(() -> CanonicalForm.canonical(record)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void detailsAreCompactJsonWithSortedKeys() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("zeta", "last");
        details.put("alpha", List.of(1, "two"));
        details.put("mid", Map.of("b", true, "a", "x\ny"));

        assertThat(DetailsJson.of(details)).isEqualTo("{\"alpha\":[1,\"two\"],\"mid\":{\"a\":\"x\\ny\",\"b\":true},\"zeta\":\"last\"}");
        assertThat(DetailsJson.of(Map.of())).isEqualTo("{}");
    }

    @Test
    void actorsAreBoundedAndHarmless() {
        assertThat(Actor.staff("mario.rossi").name()).isEqualTo("mario.rossi");
        assertThat(Actor.staff("<script>\n").name()).isEqualTo("_script_");
        assertThat(Actor.staff("x".repeat(500)).name()).hasSize(200);
        assertThat(Actor.staff(null)).isEqualTo(Actor.ANONYMOUS);
        assertThat(Actor.citizen(42).name()).isEqualTo("citizen:42");
    }

    static String sha256Hex(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
