package it.filodiretto.domain.consent;

/**
 * CDI event, fired in the erasure's transaction: other capabilities delete what they hold about the citizen
 * (the assistant's conversations) without the consent capability knowing them.
 */
public record SubscriberErased(long subscriberId, String waId, String userId, String phone) {

    /** How WhatsApp's payloads name this citizen: the WhatsApp id, the business-scoped user id, the number's digits. */
    public java.util.List<String> identifiers() {
        return java.util.stream.Stream.of(waId, userId, phone == null ? null : phone.substring(1))
                .filter(java.util.Objects::nonNull).toList();
    }
}
