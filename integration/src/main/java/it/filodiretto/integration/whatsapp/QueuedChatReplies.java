package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.whatsapp.ChatReplies;
import it.filodiretto.domain.whatsapp.MessageCategory;
import it.filodiretto.domain.whatsapp.OutboundMessage;
import it.filodiretto.integration.messaging.JsonMessages;
import it.filodiretto.integration.messaging.MessagingResources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * Replies as JMS messages (the Cloud API payload), enlisted in the caller's transaction; {@link ReplyConsumer} sends
 * them one at a time, in the order they were written ("✅ iscritto" before the list of topics). The citizen's number
 * is the message group, so with several servers one citizen's replies stay with one server's consumer.
 */
@ApplicationScoped
public class QueuedChatReplies implements ChatReplies {

    @Resource(lookup = MessagingResources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = MessagingResources.REPLY_QUEUE)
    Queue queue;

    @Override
    public void send(OutboundMessage message, MessageCategory category) {
        JsonMessages.send(connectionFactory, queue, JSON.createObjectBuilder()
                .add("to", message.to())
                .add("marketing", category == MessageCategory.MARKETING)
                .add("payload", Payloads.of(message)).build(), 6, message.to()); // one citizen's replies keep their order
    }
}
