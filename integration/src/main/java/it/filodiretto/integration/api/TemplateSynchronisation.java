package it.filodiretto.integration.api;

import it.filodiretto.domain.common.DomainException;
import it.filodiretto.integration.whatsapp.TemplateSync;
import it.filodiretto.integration.whatsapp.WhatsAppSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Where the templates come from, and the console's "synchronise now". */
@ApplicationScoped
public class TemplateSynchronisation {

    @Inject
    WhatsAppSettings settings;

    @Inject
    TemplateSync sync;

    /** With Cloud API credentials Meta's list is the truth: templates are synchronised, not declared by hand. */
    public boolean fromCloudApi() {
        return settings.hasCredentials();
    }

    /** @return how many templates Meta listed */
    public int synchroniseNow() {
        if (!fromCloudApi()) {
            throw DomainException.conflict("no_cloud_api", "error.template.noCloudApi");
        }
        try {
            return sync.synchronise();
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            throw DomainException.conflict("template_sync_failed", "error.template.syncFailed", e.getMessage());
        }
    }
}
