package it.filodiretto.domain.consent;

import java.time.OffsetDateTime;

/**
 * A new privacy notice changed the purposes: every active subscriber must re-confirm by {@code dueBy}.
 * Fired in the publishing transaction; the campaign side sends the re-confirmation request to all of them.
 */
public record PurposesChanged(int noticeVersion, String noticeUrl, OffsetDateTime dueBy, int subscribers) {
}
