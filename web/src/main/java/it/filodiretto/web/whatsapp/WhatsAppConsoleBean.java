package it.filodiretto.web.whatsapp;

import it.filodiretto.integration.api.TemplateSynchronisation;
import it.filodiretto.domain.common.PhoneMask;
import it.filodiretto.domain.whatsapp.InboundMessageRecord;
import it.filodiretto.domain.whatsapp.MessageCategory;
import it.filodiretto.domain.whatsapp.MessageTemplate;
import it.filodiretto.domain.whatsapp.SendResult;
import it.filodiretto.domain.whatsapp.StatusRecord;
import it.filodiretto.domain.whatsapp.TemplateRegistry;
import it.filodiretto.domain.whatsapp.TestMessages;
import it.filodiretto.domain.whatsapp.WhatsAppEvents;
import it.filodiretto.domain.whatsapp.RawWebhookEvent;
import it.filodiretto.domain.whatsapp.WebhookRejection;
import it.filodiretto.integration.api.WebhookFailures;
import it.filodiretto.web.console.FacesFeedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The administrator's WhatsApp page: message templates (declared here for the sandbox, synchronised from
 * Meta in production), a test send through the real client, and what arrived by webhook.
 */
@Named
@ViewScoped
public class WhatsAppConsoleBean implements Serializable {

    @Inject
    transient TemplateRegistry templates;

    @Inject
    transient TestMessages testMessages;

    @Inject
    transient WhatsAppEvents events;

    @Inject
    transient FacesFeedback feedback;

    @Inject
    transient TemplateSynchronisation synchronisation;

    @Inject
    transient WebhookFailures failures;

    private List<MessageTemplate> templateList;

    // template form
    private String name;
    private String language = "it";
    private MessageCategory category = MessageCategory.UTILITY;
    private MessageTemplate.Status status = MessageTemplate.Status.APPROVED;
    private String header;
    private String body;
    private String footer;
    private String quickReplies;
    private MessageTemplate.HeaderFormat headerFormat = MessageTemplate.HeaderFormat.TEXT;
    private String urlButtonText;
    private String urlButtonUrl;

    // test send
    private String testTemplate;
    private String testNumber;
    private String testHeaderParameters;
    private String testBodyParameters;
    private String testResult;

    @PostConstruct
    void load() {
        templateList = templates.all();
    }

    public void newTemplate() {
        name = null;
        language = "it";
        category = MessageCategory.UTILITY;
        status = MessageTemplate.Status.APPROVED;
        header = null;
        body = null;
        footer = null;
        quickReplies = null;
        headerFormat = MessageTemplate.HeaderFormat.TEXT;
        urlButtonText = null;
        urlButtonUrl = null;
    }

    public void edit(MessageTemplate t) {
        name = t.name();
        language = t.language();
        category = t.category();
        status = t.status();
        header = t.headerText();
        body = t.bodyText();
        footer = t.footerText();
        quickReplies = String.join("\n", t.quickReplies());
        headerFormat = t.headerFormat();
        urlButtonText = t.urlButtonText();
        urlButtonUrl = t.urlButtonUrl();
    }

    public boolean isFromCloudApi() {
        return synchronisation.fromCloudApi();
    }

    public void synchronise() {
        try {
            feedback.info("whatsapp.synchronised", synchronisation.synchroniseNow());
            load();
        } catch (RuntimeException e) {
            feedback.failure(e);
        }
    }

    public void saveTemplate() {
        try {
            synchronisation.declareFromConsole(name, language, category, status, header, body, footer, lines(quickReplies),
                    headerFormat, urlButtonText, urlButtonUrl, user());
            feedback.info("whatsapp.templateSaved", name);
            load();
            PrimeFaces.current().executeScript("PF('templateDialog').hide()");
        } catch (RuntimeException e) {
            feedback.failure(e);
        }
    }

    public void sendTest() {
        testResult = null;
        try {
            String[] key = testTemplate == null ? new String[]{"", "it"} : testTemplate.split(":", 2);
            SendResult result = testMessages.sendTemplate(testNumber, key[0], key.length > 1 ? key[1] : "it",
                    lines(testHeaderParameters), lines(testBodyParameters), user());
            if (result instanceof SendResult.Accepted accepted) {
                testResult = accepted.wamid();
                feedback.info("whatsapp.testAccepted", accepted.wamid());
            } else if (result instanceof SendResult.Refused refused) {
                feedback.error("whatsapp.testRefused", refused.errorClass(), refused.code(), refused.title());
            }
        } catch (RuntimeException e) {
            feedback.failure(e);
        }
    }

    private static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\\r?\\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public String mask(String waId) {
        return waId == null ? "" : PhoneMask.mask(waId);
    }

    public List<InboundMessageRecord> getInbound() {
        return events.recentInbound(50);
    }

    public List<WebhookRejection> getRejections() {
        return failures.rejections(50);
    }

    public List<RawWebhookEvent> getDeadWebhooks() {
        return failures.dead(50);
    }

    /** Processes a dead webhook again (it starts afresh: five more attempts). */
    public void retry(long webhookEventId) {
        if (failures.retry(webhookEventId)) {
            feedback.info("whatsapp.retried", webhookEventId);
        } else {
            feedback.error("whatsapp.retryGone", webhookEventId);
        }
    }

    public List<StatusRecord> getStatuses() {
        return events.recentStatuses(50);
    }

    public List<MessageTemplate> getTemplates() {
        return templateList;
    }

    public MessageCategory[] getCategories() {
        return MessageCategory.values();
    }

    public MessageTemplate.Status[] getStatusValues() {
        return MessageTemplate.Status.values();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public MessageCategory getCategory() {
        return category;
    }

    public void setCategory(MessageCategory category) {
        this.category = category;
    }

    public MessageTemplate.Status getStatus() {
        return status;
    }

    public void setStatus(MessageTemplate.Status status) {
        this.status = status;
    }

    public String getHeader() {
        return header;
    }

    public void setHeader(String header) {
        this.header = header;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getFooter() {
        return footer;
    }

    public void setFooter(String footer) {
        this.footer = footer;
    }

    public MessageTemplate.HeaderFormat[] getHeaderFormats() {
        return MessageTemplate.HeaderFormat.values();
    }

    public MessageTemplate.HeaderFormat getHeaderFormat() {
        return headerFormat;
    }

    public void setHeaderFormat(MessageTemplate.HeaderFormat headerFormat) {
        this.headerFormat = headerFormat;
    }

    public String getUrlButtonText() {
        return urlButtonText;
    }

    public void setUrlButtonText(String urlButtonText) {
        this.urlButtonText = urlButtonText;
    }

    public String getUrlButtonUrl() {
        return urlButtonUrl;
    }

    public void setUrlButtonUrl(String urlButtonUrl) {
        this.urlButtonUrl = urlButtonUrl;
    }

    public String getQuickReplies() {
        return quickReplies;
    }

    public void setQuickReplies(String quickReplies) {
        this.quickReplies = quickReplies;
    }

    public String getTestTemplate() {
        return testTemplate;
    }

    public void setTestTemplate(String testTemplate) {
        this.testTemplate = testTemplate;
    }

    public String getTestNumber() {
        return testNumber;
    }

    public void setTestNumber(String testNumber) {
        this.testNumber = testNumber;
    }

    public String getTestHeaderParameters() {
        return testHeaderParameters;
    }

    public void setTestHeaderParameters(String testHeaderParameters) {
        this.testHeaderParameters = testHeaderParameters;
    }

    public String getTestBodyParameters() {
        return testBodyParameters;
    }

    public void setTestBodyParameters(String testBodyParameters) {
        this.testBodyParameters = testBodyParameters;
    }

    public String getTestResult() {
        return testResult;
    }
}
