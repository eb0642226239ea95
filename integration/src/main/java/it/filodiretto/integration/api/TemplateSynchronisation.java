package it.filodiretto.integration.api;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.whatsapp.MessageCategory;
import it.filodiretto.domain.whatsapp.MessageTemplate;
import it.filodiretto.domain.whatsapp.TemplateRegistry;
import it.filodiretto.integration.whatsapp.TemplateSync;
import it.filodiretto.integration.whatsapp.WhatsAppSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Where the templates come from, and the console's "synchronise now". */
@ApplicationScoped
public class TemplateSynchronisation {

    @Inject
    WhatsAppSettings settings;

    @Inject
    TemplateSync sync;

    @Inject
    TemplateRegistry registry;

    /** With Cloud API credentials Meta's list is the truth: templates are synchronised, not declared by hand. */
    public boolean fromCloudApi() {
        return settings.hasCredentials();
    }

    /**
     * A template declared in the console: only in the sandbox; with the Cloud API connected Meta's list is the
     * truth, and templates are created in WhatsApp Manager.
     */
    public MessageTemplate declareFromConsole(String name, String language, MessageCategory category, MessageTemplate.Status status,
            String header, String body, String footer, List<String> quickReplies,
            MessageTemplate.HeaderFormat headerFormat, String urlButtonText, String urlButtonUrl,
            String actor) {
        if (fromCloudApi()) {
            throw new DomainException(DomainError.TEMPLATE_DECLARED_AT_META);
        }
        return registry.declare(name, language, category, status, header, body, footer, quickReplies, headerFormat, urlButtonText,
                urlButtonUrl, MessageTemplate.Source.CONSOLE, actor);
    }

    /** @return how many templates Meta listed */
    public int synchroniseNow() {
        if (!fromCloudApi()) {
            throw new DomainException(DomainError.TEMPLATE_NO_CLOUD_API);
        }
        try {
            return sync.synchronise();
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DomainException(DomainError.TEMPLATE_SYNC_FAILED, e.getMessage());
        }
    }
}
