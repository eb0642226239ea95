package it.filodiretto.domain.audit;

import it.filodiretto.domain.common.DomainException;

import java.time.OffsetDateTime;
import java.util.regex.Pattern;

/**
 * An anchor of the chain: "event {@code sequence} had hash {@code hash}". The privacy officer files it in
 * the city's records; verifying against it later proves the trail only grew since.
 */
public record Checkpoint(long sequence, String hash, OffsetDateTime takenAt) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public Checkpoint {
        if (sequence < 0) {
            throw DomainException.invalid("invalid_checkpoint", "error.audit.invalidCheckpoint");
        }
        hash = hash == null ? "" : hash.strip().toLowerCase(java.util.Locale.ROOT);
        if (!HEX64.matcher(hash).matches()) {
            throw DomainException.invalid("invalid_checkpoint", "error.audit.invalidCheckpoint");
        }
    }

    /** The printable form filed in the records system. */
    public String printable(String cityName) {
        return "Filo Diretto - audit trail checkpoint\n"
                + "Controller: " + cityName + "\n"
                + "Taken at (UTC): " + (takenAt == null ? "" : CanonicalForm.formatTime(takenAt)) + "\n"
                + "Sequence: " + sequence + "\n"
                + "SHA-256 chain hash: " + hash + "\n"
                + "\n"
                + "Verification against this checkpoint proves that event " + sequence + " still has this hash,\n"
                + "hence that no event up to it was changed, removed or reordered since it was taken.\n";
    }
}
