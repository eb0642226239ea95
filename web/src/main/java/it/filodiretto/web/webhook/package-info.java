/** The WhatsApp webhook endpoint: HTTP only; the logic is the integration module's {@code WebhookIntake}. */
package it.filodiretto.web.webhook;
