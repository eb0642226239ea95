package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.consent.DataSubjectRights;
import it.filodiretto.domain.whatsapp.InboundMessage;
import it.filodiretto.domain.whatsapp.PreferenceUpdate;
import it.filodiretto.domain.whatsapp.RawWebhookEvent;
import it.filodiretto.domain.whatsapp.StatusUpdate;
import it.filodiretto.domain.whatsapp.WhatsAppEvents;
import jakarta.ejb.Stateless;
import it.filodiretto.domain.common.Correlation;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.util.logging.Logger;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * Turns a stored webhook into domain events: each inbound message, status and preference is recorded once
 * (repeats of the same event change nothing) and announced to the features that observe it.
 */
@Stateless
public class WebhookProcessor {

    private static final Logger LOG = Logger.getLogger(WebhookProcessor.class.getName());

    @Inject
    WhatsAppEvents events;

    @Inject
    DataSubjectRights rights;

    public void process(long rawEventId) {
        try (Correlation.Scope scope = Correlation.open("webhook-" + rawEventId)) {
            processEvent(rawEventId);
        }
    }

    private void processEvent(long rawEventId) {
        RawWebhookEvent raw = events.raw(rawEventId);
        if (raw == null || raw.isProcessed()) {
            return;
        }
        JsonObject json;
        try {
            json = JSON.createReader(new StringReader(raw.body())).readObject();
        } catch (JsonParsingException | IllegalStateException e) {
            LOG.warning(() -> "Stored webhook " + rawEventId + " is not a JSON object; skipped" + Correlation.tag());
            events.processed(rawEventId);
            return;
        }
        WebhookParser.Parsed parsed = WebhookParser.parse(json);
        for (InboundMessage m : parsed.messages()) {
            if (m.messageId() != null) {
                events.receive(m);
            }
        }
        // in wamid order: concurrent webhooks then lock the deliveries they move in the same order (no deadlock)
        parsed.statuses().stream().filter(s -> s.wamid() != null && s.status() != null)
                .sorted(java.util.Comparator.comparing(StatusUpdate::wamid)).forEach(s -> {
                    LOG.fine(() -> "status " + s.status() + " of " + s.wamid() + Correlation.tag());
                    events.status(s);
                });
        for (PreferenceUpdate p : parsed.preferences()) {
            events.preference(p);
        }
        for (WebhookParser.WebhookError e : parsed.errors()) {
            LOG.warning(() -> "WhatsApp reported error " + e.code() + " (" + e.title() + (e.details() == null ? "" : ": " + e.details())
                    + ") in webhook " + rawEventId + "; see docs/whatsapp-errors.md" + Correlation.tag());
        }
        if (onlyAboutErasedNumbers(parsed)) {
            // a late status for someone whose data was erased: its effect is recorded, its raw copy is not kept
            events.forget(rawEventId);
        } else {
            events.processed(rawEventId);
        }
    }

    private boolean onlyAboutErasedNumbers(WebhookParser.Parsed parsed) {
        if (!parsed.messages().isEmpty() || !parsed.preferences().isEmpty() || parsed.statuses().isEmpty()) {
            return false;
        }
        return parsed.statuses().stream().allMatch(s -> s.recipientId() != null && !s.recipientId().isBlank()
                && rights.isSuppressed("+" + s.recipientId()));
    }
}
