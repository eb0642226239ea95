package it.filodiretto.domain.whatsapp;

/**
 * Port: the replies to what a citizen wrote (the assistant's answers, the subscription dialogue). A reply is
 * queued in the caller's transaction and sent after it commits, so nothing that transaction locks (the audit
 * chain's head among others) is held while WhatsApp answers, and a reply is never sent for a change that rolled
 * back, nor lost for one that committed. Sends whose outcome the caller needs use {@link WhatsAppGateway}.
 */
public interface ChatReplies {

    void send(OutboundMessage message, MessageCategory category);
}
