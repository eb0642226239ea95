package it.filodiretto.domain.audit;

/**
 * What a walk of the chain found: valid with the number of events and the head, or the first broken
 * sequence number with the reason.
 */
public record VerificationResult(boolean valid, long events, long headSequence, String headHash,
        long firstBrokenSequence, Reason reason, String explanation) {

    /** Why the chain is broken. */
    public enum Reason {
        /** the event's content does not match its hash (a field was edited) */
        CONTENT_CHANGED,
        /** the event does not link to the hash of the one before (reordered events, or a re-hashed predecessor) */
        LINK_BROKEN,
        /** a sequence number is missing (an event was deleted) */
        EVENT_MISSING,
        /** the chain ends before the recorded head (events were deleted from the end) */
        EVENTS_MISSING_AT_END,
        /** the recorded head does not match the last event */
        HEAD_MISMATCH,
        /** the event of an earlier checkpoint no longer has the checkpoint's hash */
        CHECKPOINT_MISMATCH
    }

    static VerificationResult valid(long events, long headSequence, String headHash) {
        return new VerificationResult(true, events, headSequence, headHash, 0, null, null);
    }

    static VerificationResult broken(long events, long sequence, Reason reason, String explanation) {
        return new VerificationResult(false, events, 0, null, sequence, reason, explanation);
    }
}
