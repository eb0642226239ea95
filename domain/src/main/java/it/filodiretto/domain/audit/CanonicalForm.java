package it.filodiretto.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The canonical bytes of an audit event and the chain hash (docs/audit.md shows how to recompute them in
 * a few lines of any language):
 *
 * <pre>
 * canonical = "v1" LF seq LF time LF actor LF action LF targetType LF targetId LF details     (UTF-8)
 * hash      = lowercase hex( SHA-256( canonical || previousHash ) )   previousHash = 64 hex chars,
 *                                                                      "0" x 64 before the first event
 * </pre>
 * {@code time} is UTC with exactly three decimals ({@code 2026-12-01T14:03:07.123Z}); an absent target is
 * the empty string; no field contains a line feed (details is compact JSON, the others are checked).
 */
public final class CanonicalForm {

    public static final String GENESIS_HASH = "0".repeat(64);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final HexFormat HEX = HexFormat.of();

    private CanonicalForm() {
    }

    public static String canonical(AuditRecord r) {
        return String.join("\n",
                "v1",
                Long.toString(r.sequence()),
                formatTime(r.occurredAt()),
                field(r.actor()),
                field(r.action()),
                field(r.targetType()),
                field(r.targetId()),
                field(r.details()));
    }

    public static String formatTime(OffsetDateTime time) {
        return TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    public static String hash(AuditRecord record, String previousHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(canonical(record).getBytes(StandardCharsets.UTF_8));
            sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            return HEX.formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("audit fields never contain line breaks");
        }
        return value;
    }
}
