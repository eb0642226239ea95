package it.filodiretto.domain.campaign;

import java.util.List;

/**
 * Port to the asynchronous dispatch: hands deliveries to the senders, enlisted in the caller's transaction
 * (they leave only if it commits). Emergency batches travel apart and overtake normal ones.
 */
public interface DeliveryQueue {

    void enqueue(long campaignId, boolean emergency, List<Long> deliveryIds);
}
