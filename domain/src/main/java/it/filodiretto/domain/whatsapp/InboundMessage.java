package it.filodiretto.domain.whatsapp;

import java.time.OffsetDateTime;

/**
 * What a citizen sent, as parsed from a webhook. {@code waId} is the phone-based WhatsApp id (may be
 * withheld by Meta), {@code userId} the business-scoped user id; at least one is present.
 * {@code replyId} is the id of the tapped button or list row, when the message is such a reply.
 */
public record InboundMessage(String messageId, String waId, String userId, String type, String text,
                             String replyId, String replyTitle, OffsetDateTime sentAt) {

    public boolean isReply() {
        return replyId != null;
    }
}
