package it.filodiretto.domain.assistant;

import it.filodiretto.domain.whatsapp.InboundMessage;

/**
 * Who is writing: the address replies go to ("+" and the number, or the business-scoped user id when Meta
 * withholds the number) and the two WhatsApp ids, by which an erasure finds their records.
 */
public record Citizen(String address, String waId, String userId) {

    public static Citizen of(InboundMessage message) {
        String address = message.waId() != null ? "+" + message.waId() : message.userId();
        return new Citizen(address, message.waId(), message.userId());
    }
}
