package it.filodiretto.domain.audit;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChainVerifierTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 1, 8, 0, 0, 0, ZoneOffset.UTC);

    /** A valid chain of n events, built the way AuditTrail builds it. */
    static List<ChainLink> chain(int n) {
        List<ChainLink> links = new ArrayList<>();
        String previous = CanonicalForm.GENESIS_HASH;
        for (int seq = 1; seq <= n; seq++) {
            AuditRecord r = new AuditRecord(seq, T0.plusSeconds(seq), "user" + (seq % 3), seq % 2 == 0 ? "LOGIN" : "STAFF_CREATED",
                    "staff", "user" + seq, "{\"n\":" + seq + "}");
            String hash = CanonicalForm.hash(r, previous);
            links.add(new ChainLink(seq, r.occurredAt(), r.actor(), r.action(), r.targetType(), r.targetId(), r.details(), previous, hash));
            previous = hash;
        }
        return links;
    }

    static VerificationResult verify(List<ChainLink> links, Checkpoint checkpoint, long headSeq, String headHash) {
        ChainVerifier verifier = new ChainVerifier(checkpoint);
        for (ChainLink link : links) {
            if (!verifier.accept(link)) {
                break;
            }
        }
        return verifier.result(headSeq, headHash);
    }

    static VerificationResult verify(List<ChainLink> links, long headSeq, String headHash) {
        return verify(links, null, headSeq, headHash);
    }

    private static ChainLink with(ChainLink l, String actor, String details) {
        return new ChainLink(l.sequence(), l.occurredAt(), actor, l.action(), l.targetType(), l.targetId(), details, l.previousHash(),
                l.hash());
    }

    @Test
    void anIntactChainIsValidWithItsCountAndHead() {
        List<ChainLink> links = chain(50);
        String head = links.get(49).hash();

        VerificationResult result = verify(links, 50, head);

        assertThat(result.valid()).isTrue();
        assertThat(result.events()).isEqualTo(50);
        assertThat(result.headSequence()).isEqualTo(50);
        assertThat(result.headHash()).isEqualTo(head);
    }

    @Test
    void anEmptyChainIsValid() {
        assertThat(verify(List.of(), 0, CanonicalForm.GENESIS_HASH).valid()).isTrue();
    }

    @Test
    void aChangedFieldIsReportedAtThatEvent() {
        List<ChainLink> links = chain(20);
        links.set(6, with(links.get(6), "intruder", links.get(6).details()));

        VerificationResult result = verify(links, 20, links.get(19).hash());

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(7);
        assertThat(result.reason()).isEqualTo(VerificationResult.Reason.CONTENT_CHANGED);
    }

    @Test
    void aChangedTimeIsReportedToo() {
        List<ChainLink> links = chain(5);
        ChainLink l = links.get(2);
        links.set(2, new ChainLink(3, l.occurredAt().plusNanos(1_000_000), l.actor(), l.action(), l.targetType(), l.targetId(), l.details(),
                l.previousHash(), l.hash()));

        assertThat(verify(links, 5, links.get(4).hash()).firstBrokenSequence()).isEqualTo(3);
    }

    @Test
    void aDeletedEventIsReportedAsMissing() {
        List<ChainLink> links = chain(20);
        links.remove(9);

        VerificationResult result = verify(links, 20, links.get(18).hash());

        assertThat(result.firstBrokenSequence()).isEqualTo(10);
        assertThat(result.reason()).isEqualTo(VerificationResult.Reason.EVENT_MISSING);
    }

    @Test
    void eventsDeletedFromTheEndAreReported() {
        List<ChainLink> links = chain(20);
        String head = links.get(19).hash();
        List<ChainLink> truncated = links.subList(0, 17);

        VerificationResult result = verify(truncated, 20, head);

        assertThat(result.firstBrokenSequence()).isEqualTo(18);
        assertThat(result.reason()).isEqualTo(VerificationResult.Reason.EVENTS_MISSING_AT_END);
    }

    @Test
    void aSwappedPairIsReportedAtTheFirstOfThem() {
        List<ChainLink> links = chain(10);
        ChainLink a = links.get(3);
        ChainLink b = links.get(4);
        // the rows keep their sequence numbers; their contents (and stored hashes) trade places
        links.set(3, new ChainLink(4, b.occurredAt(), b.actor(), b.action(), b.targetType(), b.targetId(), b.details(), b.previousHash(),
                b.hash()));
        links.set(4, new ChainLink(5, a.occurredAt(), a.actor(), a.action(), a.targetType(), a.targetId(), a.details(), a.previousHash(),
                a.hash()));

        VerificationResult result = verify(links, 10, links.get(9).hash());

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(4);
        assertThat(result.reason()).as("each row is intact, the order is not").isEqualTo(VerificationResult.Reason.LINK_BROKEN);
    }

    @Test
    void aForgedReHashOfOneEventBreaksTheNextLink() {
        List<ChainLink> links = chain(10);
        ChainLink victim = links.get(5);
        ChainLink forged = with(victim, "intruder", victim.details());
        String forgedHash = CanonicalForm.hash(forged.record(), victim.previousHash());
        links.set(5, new ChainLink(6, victim.occurredAt(), "intruder", victim.action(), victim.targetType(), victim.targetId(),
                victim.details(), victim.previousHash(), forgedHash));

        VerificationResult result = verify(links, 10, links.get(9).hash());

        assertThat(result.firstBrokenSequence()).isEqualTo(7);
        assertThat(result.reason()).isEqualTo(VerificationResult.Reason.LINK_BROKEN);
    }

    @Test
    void aRecomputedTailStillFailsAgainstAnEarlierCheckpoint() {
        List<ChainLink> links = chain(10);
        Checkpoint filed = new Checkpoint(8, links.get(7).hash(), T0);
        // rewrite event 3 and re-hash everything after it: the chain is self-consistent again...
        List<ChainLink> rewritten = new ArrayList<>(links.subList(0, 2));
        String previous = links.get(1).hash();
        for (int i = 2; i < 10; i++) {
            ChainLink l = links.get(i);
            AuditRecord r = new AuditRecord(l.sequence(), l.occurredAt(), i == 2 ? "intruder" : l.actor(), l.action(), l.targetType(),
                    l.targetId(), l.details());
            String hash = CanonicalForm.hash(r, previous);
            rewritten.add(new ChainLink(l.sequence(), l.occurredAt(), r.actor(), l.action(), l.targetType(), l.targetId(), l.details(),
                    previous, hash));
            previous = hash;
        }
        assertThat(verify(rewritten, 10, previous).valid()).isTrue();

        // ...but not against what the privacy officer filed
        VerificationResult result = verify(rewritten, filed, 10, previous);
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo(VerificationResult.Reason.CHECKPOINT_MISMATCH);
        assertThat(result.firstBrokenSequence()).isEqualTo(8);
    }

    @Test
    void aGrownLogVerifiesAgainstItsEarlierCheckpoint() {
        List<ChainLink> links = chain(30);
        Checkpoint filed = new Checkpoint(12, links.get(11).hash(), T0);

        assertThat(verify(links, filed, 30, links.get(29).hash()).valid()).isTrue();
        assertThat(verify(links.subList(0, 10), filed, 10, links.get(9).hash()).reason())
                .isEqualTo(VerificationResult.Reason.CHECKPOINT_MISMATCH);
    }
}
