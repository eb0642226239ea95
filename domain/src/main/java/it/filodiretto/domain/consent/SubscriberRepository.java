package it.filodiretto.domain.consent;

import java.util.List;
import java.util.Optional;

/** Port: the subscribers and their append-only consent records (JPA in {@link JpaSubscriberRepository}). */
public interface SubscriberRepository {

    /**
     * The subscriber writing from these WhatsApp ids (phone-based first), locked (pessimistic write) for the
     * change to come: dispatch holds the same lock while it sends to them.
     */
    Optional<Subscriber> byWhatsApp(String waId, String userId);

    Optional<Subscriber> byId(long id);

    /** Adds a new subscriber; its id is assigned at once. */
    void add(Subscriber subscriber);

    /** Appends a consent record. */
    void record(ConsentRecord record);

    /** A subscriber's consent records, oldest first. */
    List<ConsentRecord> history(long subscriberId);
}
