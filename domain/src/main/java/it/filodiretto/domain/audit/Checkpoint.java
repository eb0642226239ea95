package it.filodiretto.domain.audit;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.common.DomainException;

import java.text.MessageFormat;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * An anchor of the chain: "event {@code sequence} had hash {@code hash}". The privacy officer files it in
 * the city's records; verifying against it later proves the trail only grew since.
 */
public record Checkpoint(long sequence, String hash, OffsetDateTime takenAt) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public Checkpoint {
        if (sequence < 0) {
            throw new DomainException(DomainError.AUDIT_INVALID_CHECKPOINT);
        }
        hash = hash == null ? "" : hash.strip().toLowerCase(java.util.Locale.ROOT);
        if (!HEX64.matcher(hash).matches()) {
            throw new DomainException(DomainError.AUDIT_INVALID_CHECKPOINT);
        }
    }

    /**
     * The printable form filed in the records system (text in the {@code checkpoint} bundle; its labels are
     * bilingual so that an auditor of either language reads the same figures).
     */
    public String printable(String cityName) {
        ResourceBundle bundle = ResourceBundle.getBundle("it.filodiretto.domain.audit.checkpoint", Locale.ITALIAN,
                Checkpoint.class.getClassLoader());
        return new MessageFormat(bundle.getString("checkpoint.text"), Locale.ITALIAN).format(new Object[]{
                cityName, takenAt == null ? "" : CanonicalForm.formatTime(takenAt), Long.toString(sequence), hash});
    }
}
