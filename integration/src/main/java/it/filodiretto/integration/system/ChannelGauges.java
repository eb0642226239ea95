package it.filodiretto.integration.system;

import it.filodiretto.domain.campaign.MessagingLimit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.annotation.Resource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.metrics.MetricRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Gauges read when scraped: deliveries waiting to be sent (the dispatch queue's depth), the send-rate
 * ceiling, the messaging limit (WhatsApp tier) and what is left of it, open handoffs. Registered at start by
 * {@link MetricsStartup}.
 */
@ApplicationScoped
public class ChannelGauges {

    @Resource(lookup = "jdbc/filodiretto")
    DataSource dataSource;

    @Inject
    MetricRegistry registry;

    @Inject
    MessagingLimit limit;

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
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : -1;
        } catch (SQLException e) {
            return -1; // the database readiness check reports the outage
        }
    }
}
