package it.filodiretto.domain.whatsapp;

/**
 * Port: sends one message through the WhatsApp Cloud API (or the sandbox that speaks it), with the
 * fault-tolerance policies of the adapter. Never throws for API errors: they come back as
 * {@link SendResult.Refused}.
 */
public interface WhatsAppGateway {

    SendResult send(OutboundMessage message, MessageCategory category);
}
