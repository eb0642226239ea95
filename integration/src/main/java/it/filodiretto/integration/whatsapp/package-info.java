/**
 * The WhatsApp Cloud API adapter: configuration, the REST client and the fault-tolerant sender, payloads,
 * error classification, webhook signatures, parsing and asynchronous processing. Implements the domain's
 * {@code WhatsAppGateway}; feeds {@code WhatsAppEvents}.
 */
package it.filodiretto.integration.whatsapp;
