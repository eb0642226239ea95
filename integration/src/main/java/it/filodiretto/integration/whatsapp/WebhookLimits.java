package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.whatsapp.InboundMessage;
import it.filodiretto.domain.whatsapp.PreferenceUpdate;
import it.filodiretto.domain.whatsapp.StatusUpdate;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an item of a webhook must look like to be used: the identifiers Meta sends are short and of a known
 * shape, so a value outside them is refused for that item alone (with a reason that names the field and the
 * limit, never the value) instead of failing the whole webhook on every retry. Texts are not limited here:
 * they are kept shortened.
 */
final class WebhookLimits {

    static final int MAX_ID = 200;
    static final int MAX_USER_ID = 100;
    static final int MAX_TYPE = 32;
    static final int MAX_REPLY_ID = 256;
    /** A WhatsApp number: digits only, at most 15 (E.164) — a little room for what Meta may send. */
    private static final Pattern WA_ID = Pattern.compile("[0-9]{5,20}");
    private static final Pattern STATUS = Pattern.compile("[a-z_]{1,16}");

    private WebhookLimits() {
    }

    static Optional<String> problem(InboundMessage m) {
        if (m.messageId() == null || m.messageId().isBlank()) {
            return Optional.of("message without an id");
        }
        return first(tooLong("message id", m.messageId(), MAX_ID), waId("from", m.waId()), tooLong("from_user_id", m.userId(), MAX_USER_ID),
                tooLong("type", m.type(), MAX_TYPE), tooLong("reply id", m.replyId(), MAX_REPLY_ID));
    }

    static Optional<String> problem(StatusUpdate s) {
        if (s.wamid() == null || s.wamid().isBlank()) {
            return Optional.of("status without a message id");
        }
        if (s.status() == null || !STATUS.matcher(s.status()).matches()) {
            return Optional.of("status missing, or not 1 to 16 lower-case letters");
        }
        return first(tooLong("status id", s.wamid(), MAX_ID), waId("recipient_id", s.recipientId()));
    }

    static Optional<String> problem(PreferenceUpdate p) {
        return first(waId("wa_id", p.waId()), tooLong("user_id", p.userId(), MAX_USER_ID), tooLong("category", p.category(), MAX_TYPE));
    }

    private static Optional<String> waId(String field, String value) {
        return value == null || WA_ID.matcher(value).matches() ? Optional.empty()
                : Optional.of(field + " is not a WhatsApp number (5 to 20 digits)");
    }

    private static Optional<String> tooLong(String field, String value, int max) {
        return value != null && value.length() > max ? Optional.of(field + " longer than " + max + " characters") : Optional.empty();
    }

    @SafeVarargs
    private static Optional<String> first(Optional<String>... problems) {
        for (Optional<String> p : problems) {
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }
}
