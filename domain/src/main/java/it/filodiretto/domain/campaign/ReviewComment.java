package it.filodiretto.domain.campaign;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.common.DomainException;

/**
 * A reviewer's (or canceller's) comment: stripped, at most {@value #MAX} characters, never blank. Optional
 * for most steps ({@link #of} gives null for nothing), required to request changes or reject ({@link #required}).
 */
public record ReviewComment(String text) {

    public static final int MAX = 2000;

    public ReviewComment {
        text = text == null ? "" : text.strip();
        if (text.isEmpty()) {
            throw missing();
        }
        if (text.length() > MAX) {
            throw new DomainException(DomainError.CAMPAIGN_COMMENT_TOO_LONG, MAX);
        }
    }

    /** The comment, or null when nothing (or only blanks) was written. */
    public static ReviewComment of(String text) {
        return text == null || text.isBlank() ? null : new ReviewComment(text);
    }

    /** The comment; 400 {@code comment_required} when nothing was written. */
    public static ReviewComment required(String text) {
        return new ReviewComment(text);
    }

    /** The text of a comment that may be absent (null then). */
    public static String textOf(ReviewComment comment) {
        return comment == null ? null : comment.text();
    }

    static DomainException missing() {
        return new DomainException(DomainError.CAMPAIGN_COMMENT_REQUIRED);
    }
}
