package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.consent.DataSubjectRights;
import it.filodiretto.domain.whatsapp.InboundMessage;
import it.filodiretto.domain.whatsapp.PreferenceUpdate;
import it.filodiretto.domain.whatsapp.RawWebhookEvent;
import it.filodiretto.domain.whatsapp.StatusUpdate;
import it.filodiretto.domain.whatsapp.WhatsAppEvents;
import it.filodiretto.domain.whatsapp.WebhookRejection;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import it.filodiretto.domain.common.Correlation;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * Turns a stored webhook into domain events, item by item: each inbound message, status and preference is
 * checked against {@link WebhookLimits}, recorded once in a transaction of its own (repeats of the same event
 * change nothing) and announced to the features that observe it. An item that is refused or fails is recorded as
 * rejected with its reason and logged once; the others go on, and the webhook is marked processed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookProcessor {

    private static final Logger LOG = Logger.getLogger(WebhookProcessor.class.getName());

    @Inject
    WhatsAppEvents events;

    @Inject
    WebhookItems items;

    @Inject
    DataSubjectRights rights;

    /**
     * The fast path for a batch of stored webhooks: those that carry only statuses, all valid (what Meta sends
     * most, about three per message sent), are applied together in one transaction, in wamid order so that
     * concurrent batches lock the same deliveries in the same order. Returns the ids left to {@link #process}
     * one by one: webhooks with anything else in them, and all of them when the shared transaction fails (it is
     * rolled back whole, and recording an item again changes nothing).
     */
    public List<Long> applyStatusesTogether(List<Long> rawEventIds) {
        List<Long> rest = new ArrayList<>();
        List<Long> together = new ArrayList<>();
        Set<Long> forget = new HashSet<>();
        List<StatusUpdate> statuses = new ArrayList<>();
        Map<String, Boolean> suppressed = new HashMap<>();
        for (RawWebhookEvent raw : events.unprocessed(rawEventIds)) {
            WebhookParser.Parsed parsed;
            try {
                parsed = WebhookParser.parse(JSON.createReader(new StringReader(raw.body())).readObject());
            } catch (RuntimeException e) {
                rest.add(raw.id()); // the one-by-one path says what is wrong with it
                continue;
            }
            if (!parsed.messages().isEmpty() || !parsed.preferences().isEmpty() || !parsed.errors().isEmpty()
                    || parsed.statuses().isEmpty() || parsed.statuses().stream().anyMatch(st -> WebhookLimits.problem(st).isPresent())) {
                rest.add(raw.id());
                continue;
            }
            together.add(raw.id());
            statuses.addAll(parsed.statuses());
            if (onlyAboutErasedNumbers(parsed, r -> suppressed.computeIfAbsent(r, n -> rights.isSuppressed("+" + n)))) {
                forget.add(raw.id());
            }
        }
        if (!together.isEmpty()) {
            statuses.sort(Comparator.comparing(StatusUpdate::wamid).thenComparing(StatusUpdate::status));
            try (Correlation.Scope scope = Correlation.open("webhooks-" + together.get(0) + "+" + (together.size() - 1))) {
                items.statuses(statuses, together, forget);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "statuses of " + together.size() + " webhooks applied one by one: " + describe(e), e);
                rest.addAll(together);
            }
        }
        rest.sort(Comparator.naturalOrder());
        return rest;
    }

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
        } catch (JsonException | IllegalStateException | NumberFormatException e) {
            LOG.warning(() -> "Stored webhook " + rawEventId + " is not a JSON object; skipped" + Correlation.tag());
            items.processed(rawEventId, false);
            return;
        }
        WebhookParser.Parsed parsed = WebhookParser.parse(json);
        int index = 0;
        for (InboundMessage m : parsed.messages()) {
            item(rawEventId, WebhookRejection.Item.MESSAGE, ++index, WebhookLimits.problem(m), () -> items.receive(m));
        }
        for (StatusUpdate s : parsed.statuses()) {
            item(rawEventId, WebhookRejection.Item.STATUS, ++index, WebhookLimits.problem(s), () -> {
                LOG.fine(() -> "status " + s.status() + " of " + s.wamid() + Correlation.tag());
                items.status(s);
            });
        }
        for (PreferenceUpdate p : parsed.preferences()) {
            item(rawEventId, WebhookRejection.Item.PREFERENCE, ++index, WebhookLimits.problem(p), () -> items.preference(p));
        }
        for (WebhookParser.WebhookError e : parsed.errors()) {
            LOG.warning(() -> "WhatsApp reported error " + e.code() + " (" + e.title() + (e.details() == null ? "" : ": " + e.details())
                    + ") in webhook " + rawEventId + "; see docs/whatsapp-errors.md" + Correlation.tag());
        }
        // a late status for someone whose data was erased: its effect is recorded, its raw copy is not kept
        items.processed(rawEventId, onlyAboutErasedNumbers(parsed, r -> rights.isSuppressed("+" + r)));
    }

    /** Records one item, or its rejection: a refused value or a failure of its own, logged once without the value. */
    private void item(long rawEventId, WebhookRejection.Item kind, int index, Optional<String> problem, Runnable record) {
        String reason = problem.orElse(null);
        if (reason == null) {
            try {
                record.run();
                return;
            } catch (RuntimeException e) {
                reason = "failed: " + describe(e);
                LOG.log(Level.FINE, "item " + index + " of webhook " + rawEventId + " failed" + Correlation.tag(), e);
            }
        }
        String why = reason;
        LOG.info(() -> "Item " + index + " (" + kind + ") of webhook " + rawEventId + " rejected: " + why + Correlation.tag());
        items.reject(rawEventId, kind, why);
    }

    /**
     * What failed, for the log, the console and the stored reason: the innermost cause's class and, for a database
     * error, its SQL state — never the message, which may quote the values (a number, a citizen's text), and the
     * stored reasons are not erased with a citizen's data. The whole stack trace goes to FINE only.
     */
    static String describe(Throwable e) {
        Throwable root = e;
        String sqlState = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                sqlState = sql.getSQLState();
            }
        }
        return root.getClass().getSimpleName() + (sqlState == null ? "" : " (SQL state " + sqlState + ")");
    }

    private static boolean onlyAboutErasedNumbers(WebhookParser.Parsed parsed, java.util.function.Predicate<String> suppressed) {
        if (!parsed.messages().isEmpty() || !parsed.preferences().isEmpty() || parsed.statuses().isEmpty()) {
            return false;
        }
        return parsed.statuses().stream().allMatch(s -> s.recipientId() != null && !s.recipientId().isBlank()
                && WebhookLimits.problem(s).isEmpty() && suppressed.test(s.recipientId()));
    }
}
