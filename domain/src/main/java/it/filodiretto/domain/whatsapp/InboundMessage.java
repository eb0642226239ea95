package it.filodiretto.domain.whatsapp;

import java.time.OffsetDateTime;

/**
 * What a citizen sent, as parsed from a webhook. {@code waId} is the phone-based WhatsApp id (may be
 * withheld by Meta), {@code userId} the business-scoped user id; at least one is present.
 * {@code replyId} is the id of the tapped button or list row, when the message is such a reply.
 * {@code errorCode}/{@code errorTitle}: what Meta reported about a message it could not pass on whole (type
 * {@code unsupported}, code 131051), else null.
 */
public record InboundMessage(String messageId, String waId, String userId, String type, String text,
        String replyId, String replyTitle, OffsetDateTime sentAt, Integer errorCode, String errorTitle) {

    public boolean isReply() {
        return replyId != null;
    }

    /** An emoji put on one of the city's messages: kept, shown to an operator, never a question. */
    public boolean isReaction() {
        return "reaction".equals(type);
    }
}
