package it.filodiretto.domain.consent;

/**
 * CDI event, fired in the erasure's transaction: other capabilities delete what they hold about the citizen
 * (the assistant's conversations) without the consent capability knowing them.
 */
public record SubscriberErased(long subscriberId, String waId, String userId, String phone) {
}
