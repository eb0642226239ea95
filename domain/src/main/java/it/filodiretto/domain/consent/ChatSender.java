package it.filodiretto.domain.consent;

import it.filodiretto.domain.whatsapp.ChatReplies;
import it.filodiretto.domain.whatsapp.MessageCategory;
import it.filodiretto.domain.whatsapp.OutboundMessage;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * Sends the subscription dialogue's replies: free-form messages, allowed because the citizen has just written
 * (utility category). Texts come from {@link ChatTexts}, in Italian.
 */
@Dependent
public class ChatSender {

    @Inject
    ChatReplies replies;

    /** Sends the text of {@code key} from the chat bundle. */
    void sendText(String to, String key, Object... arguments) {
        send(new OutboundMessage.Text(to, ChatTexts.text("it", key, arguments)));
    }

    void send(OutboundMessage message) {
        replies.send(message, MessageCategory.UTILITY);
    }
}
