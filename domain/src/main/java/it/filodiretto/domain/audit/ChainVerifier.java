package it.filodiretto.domain.audit;

import java.util.Objects;

/**
 * Walks the chain one event at a time (constant memory) and stops at the first broken link. Fed in
 * sequence order by {@link AuditVerification}; pure, so unit tests feed it directly.
 */
public final class ChainVerifier {

    private final Checkpoint checkpoint;
    private long expectedSequence = 1;
    private String previousHash = CanonicalForm.GENESIS_HASH;
    private long events;
    private boolean checkpointSeen;
    private VerificationResult broken;

    public ChainVerifier(Checkpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    /** @return false once the chain is known to be broken (the caller can stop reading) */
    public boolean accept(ChainLink link) {
        if (broken != null) {
            return false;
        }
        if (link.sequence() != expectedSequence) {
            return fail(expectedSequence, link.sequence() > expectedSequence
                    ? VerificationResult.Reason.EVENT_MISSING : VerificationResult.Reason.LINK_BROKEN,
                    link.sequence() > expectedSequence
                            ? "event " + expectedSequence + " is missing (the next stored event is " + link.sequence() + ")"
                            : "event " + link.sequence() + " appears out of order");
        }
        String recomputed;
        try {
            recomputed = CanonicalForm.hash(link.record(), previousHash);
        } catch (IllegalArgumentException e) {
            return fail(link.sequence(), VerificationResult.Reason.CONTENT_CHANGED,
                    "event " + link.sequence() + " contains a line break in a field");
        }
        if (!recomputed.equals(link.hash())) {
            if (!Objects.equals(link.previousHash(), previousHash)) {
                return fail(link.sequence(), VerificationResult.Reason.LINK_BROKEN,
                        "event " + link.sequence() + " does not link to event " + (link.sequence() - 1)
                                + " (events reordered, or event " + (link.sequence() - 1) + " rewritten and re-hashed)");
            }
            return fail(link.sequence(), VerificationResult.Reason.CONTENT_CHANGED,
                    "the content of event " + link.sequence() + " does not match its hash (a field was changed)");
        }
        if (!Objects.equals(link.previousHash(), previousHash)) {
            return fail(link.sequence(), VerificationResult.Reason.LINK_BROKEN,
                    "the stored previous hash of event " + link.sequence() + " was changed");
        }
        if (checkpoint != null && link.sequence() == checkpoint.sequence()) {
            checkpointSeen = true;
            if (!link.hash().equals(checkpoint.hash())) {
                return fail(link.sequence(), VerificationResult.Reason.CHECKPOINT_MISMATCH,
                        "event " + link.sequence() + " no longer has the hash of the checkpoint");
            }
        }
        previousHash = link.hash();
        expectedSequence++;
        events++;
        return true;
    }

    /** The verdict once every event up to the recorded head has been fed. */
    public VerificationResult result(long headSequence, String headHash) {
        if (broken != null) {
            return broken;
        }
        long last = expectedSequence - 1;
        if (headSequence > last) {
            return VerificationResult.broken(events, last + 1, VerificationResult.Reason.EVENTS_MISSING_AT_END,
                    "the chain ends at event " + last + " but the recorded head is event " + headSequence);
        }
        if (headSequence < last || !previousHash.equals(headHash)) {
            return VerificationResult.broken(events, last, VerificationResult.Reason.HEAD_MISMATCH,
                    "the recorded head (event " + headSequence + ") does not match the last event " + last);
        }
        if (checkpoint != null && !checkpointSeen && checkpoint.sequence() > 0) {
            return VerificationResult.broken(events, checkpoint.sequence(), VerificationResult.Reason.CHECKPOINT_MISMATCH,
                    "the checkpoint's event " + checkpoint.sequence() + " is beyond the end of the chain");
        }
        return VerificationResult.valid(events, last, last == 0 ? CanonicalForm.GENESIS_HASH : previousHash);
    }

    private boolean fail(long sequence, VerificationResult.Reason reason, String explanation) {
        broken = VerificationResult.broken(events, sequence, reason, explanation);
        return false;
    }
}
