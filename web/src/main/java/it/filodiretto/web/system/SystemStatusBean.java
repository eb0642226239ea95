package it.filodiretto.web.system;

import it.filodiretto.domain.campaign.DispatchHalt;
import it.filodiretto.domain.campaign.MessagingLimit;
import it.filodiretto.integration.api.SystemStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Optional;

/** The administrator's system status page: sending, webhooks, the assistant, limits and throughput settings. */
@Named
@RequestScoped
public class SystemStatusBean {

    @Inject
    SystemStatus status;

    @Inject
    MessagingLimit limit;

    @Inject
    DispatchHalt halt;

    private SystemStatus.Figures figures;

    public SystemStatus.Figures getFigures() {
        if (figures == null) {
            figures = status.figures();
        }
        return figures;
    }

    public long getLimit() {
        return limit.limit();
    }

    public long getUsedLast24h() {
        return limit.usedLast24h();
    }

    public long getRemaining() {
        return limit.remaining();
    }

    public String getHalt() {
        return halt.reason().orElse(null);
    }

    public int getBatchSize() {
        return ConfigProvider.getConfig().getOptionalValue("filodiretto.dispatch.batch-size", Integer.class).orElse(100);
    }

    public Optional<String> getThreshold() {
        return ConfigProvider.getConfig().getOptionalValue("filodiretto.assistant.threshold", String.class);
    }
}
