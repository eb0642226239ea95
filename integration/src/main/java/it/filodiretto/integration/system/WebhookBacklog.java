package it.filodiretto.integration.system;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Reports how many acknowledged webhooks still wait for processing, and how many failed too often and are dead
 * (the WhatsApp console lists them and retries them). Informational: a backlog is not a reason to stop taking
 * traffic, so this is always UP (the database check covers reachability).
 */
@Readiness
@ApplicationScoped
public class WebhookBacklog implements HealthCheck {

    @Resource(lookup = "jdbc/filodiretto")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        long pending = -1;
        long dead = -1;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(case when dead_at is null then 1 end), count(dead_at)"
                        + " from webhook_event where processed_at is null");
                ResultSet r = s.executeQuery()) {
            r.next();
            pending = r.getLong(1);
            dead = r.getLong(2);
        } catch (Exception e) {
            // the database check reports the outage
        }
        return HealthCheckResponse.named("webhook-backlog").up().withData("pendingWebhooks", pending).withData("deadWebhooks", dead)
                .build();
    }
}
