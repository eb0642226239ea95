package it.filodiretto.integration.system;

import it.filodiretto.domain.assistant.AssistantAnswered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The channel's MicroProfile Metrics (application registry, served at {@code /metrics?scope=application}):
 * WhatsApp messages accepted and refused (by error code), webhook calls by outcome, assistant answers by
 * outcome and mode. Gauges (queue depth, send-rate ceiling, messaging limit) are in {@link ChannelGauges}.
 * The counters are also kept here for the console's status page.
 */
@ApplicationScoped
public class ChannelMetrics {

    public static final String SENT = "filodiretto_whatsapp_messages_sent";
    public static final String REFUSED = "filodiretto_whatsapp_messages_refused";
    public static final String WEBHOOKS = "filodiretto_webhook_calls";
    public static final String ANSWERS = "filodiretto_assistant_answers";

    @Inject
    MetricRegistry registry;

    private final Map<String, Long> refusedByCode = new ConcurrentHashMap<>();
    private final Map<String, Long> answersByMode = new ConcurrentHashMap<>();
    private final Map<String, Long> webhooksByOutcome = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();

    public void sent() {
        counter(SENT).inc();
        sent.incrementAndGet();
    }

    /** @param code the Cloud API error code, or what failed before an answer (timeout, circuit, bulkhead) */
    public void refused(String code) {
        counter(REFUSED, new Tag("code", code)).inc();
        refusedByCode.merge(code, 1L, Long::sum);
    }

    public void webhook(String outcome) {
        counter(WEBHOOKS, new Tag("outcome", outcome)).inc();
        webhooksByOutcome.merge(outcome, 1L, Long::sum);
    }

    void answered(@Observes AssistantAnswered event) {
        counter(ANSWERS, new Tag("outcome", event.outcome().name()), new Tag("mode", event.mode().name())).inc();
        answersByMode.merge(event.outcome() + " / " + event.mode(), 1L, Long::sum);
    }

    private Counter counter(String name, Tag... tags) {
        return registry.counter(name, tags);
    }

    public long sentCount() {
        return sent.get();
    }

    public Map<String, Long> refusedByCode() {
        return new TreeMap<>(refusedByCode);
    }

    public Map<String, Long> answersByMode() {
        return new TreeMap<>(answersByMode);
    }

    public Map<String, Long> webhooksByOutcome() {
        return new TreeMap<>(webhooksByOutcome);
    }
}
