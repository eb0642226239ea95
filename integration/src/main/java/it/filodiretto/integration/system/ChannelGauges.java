package it.filodiretto.integration.system;

import it.filodiretto.domain.campaign.MessagingLimit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Gauges read when scraped: deliveries waiting to be sent (the dispatch queue's depth), the send-rate
 * ceiling, the messaging limit (WhatsApp tier) and what is left of it, open handoffs. Registered at start.
 */
@ApplicationScoped
public class ChannelGauges {

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    MetricRegistry registry;

    @Inject
    MessagingLimit limit;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer makes CDI create the bean at start, so the gauges exist before the first scrape
    }

    @PostConstruct
    void register() {
        registry.gauge("filodiretto_dispatch_queue_depth", this, ChannelGauges::queueDepth);
        registry.gauge("filodiretto_dispatch_rate_ceiling_per_second", this, ChannelGauges::rateCeiling);
        registry.gauge("filodiretto_whatsapp_messaging_limit", this, g -> g.limit.limit());
        registry.gauge("filodiretto_whatsapp_messaging_limit_remaining", this, g -> g.limit.remaining());
        registry.gauge("filodiretto_assistant_open_handoffs", this, ChannelGauges::openHandoffs);
    }

    public long queueDepth() {
        return count("select count(*) from delivery where state in ('QUEUED', 'SENDING')");
    }

    public long openHandoffs() {
        return count("select count(*) from handoff where state <> 'CLOSED'");
    }

    public int rateCeiling() {
        return ConfigProvider.getConfig().getOptionalValue("filodiretto.dispatch.rate-per-second", Integer.class).orElse(80);
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
