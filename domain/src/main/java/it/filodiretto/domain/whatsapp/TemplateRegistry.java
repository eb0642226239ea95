package it.filodiretto.domain.whatsapp;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.common.TimeSource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The templates the city may send: declared in the console (sandbox) or synchronised from the Cloud API. */
@Stateless
public class TemplateRegistry {

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    TimeSource time;

    @Inject
    AuditTrail audit;

    public List<MessageTemplate> all() {
        return em.createQuery("select t from MessageTemplate t order by t.name, t.language", MessageTemplate.class).getResultList();
    }

    public List<MessageTemplate> approved() {
        return em.createQuery("select t from MessageTemplate t where t.status = :s order by t.name", MessageTemplate.class)
                .setParameter("s", MessageTemplate.Status.APPROVED).getResultList();
    }

    public Optional<MessageTemplate> find(String name, String language) {
        return em.createQuery("select t from MessageTemplate t where t.name = :n and t.language = :l", MessageTemplate.class)
                .setParameter("n", name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT))
                .setParameter("l", language == null ? "it" : language)
                .getResultStream().findFirst();
    }

    public long count() {
        return em.createQuery("select count(t) from MessageTemplate t", Long.class).getSingleResult();
    }

    /** Creates or changes a template (name + language identify it). */
    public MessageTemplate declare(String name, String language, MessageCategory category, MessageTemplate.Status status,
            String header, String body, String footer, List<String> quickReplies,
            MessageTemplate.Source source, String actor) {
        return declare(name, language, category, status, header, body, footer, quickReplies, MessageTemplate.HeaderFormat.TEXT, null, null,
                source, actor);
    }

    /** The same with a media header format and a URL button (text and link, which may end with {{1}}). */
    public MessageTemplate declare(String name, String language, MessageCategory category, MessageTemplate.Status status,
            String header, String body, String footer, List<String> quickReplies,
            MessageTemplate.HeaderFormat headerFormat, String urlButtonText, String urlButtonUrl,
            MessageTemplate.Source source, String actor) {
        Optional<MessageTemplate> existing = find(name, language);
        MessageTemplate template;
        if (existing.isPresent()) {
            template = existing.get();
            template.change(category, status, header, body, footer, quickReplies, time.now());
        } else {
            template = new MessageTemplate(name, language, category, status, header, body, footer, quickReplies, source, time.now());
            em.persist(template);
        }
        template.media(headerFormat, urlButtonText, urlButtonUrl);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("category", category);
        details.put("status", status);
        details.put("source", source);
        audit.record(actor == null ? Actor.SYSTEM : Actor.staff(actor), AuditAction.TEMPLATE_DECLARED, "template",
                template.name() + ":" + template.language(), details);
        return template;
    }

    /**
     * After a whole synchronisation: the templates that came from the Cloud API and are no longer in Meta's
     * list (deleted there) become DISABLED, so that no campaign is submitted with one.
     * @param listed {@code name:language} of every template Meta listed
     * @return how many were retired
     */
    public int retireUnlisted(java.util.Set<String> listed) {
        int retired = 0;
        for (MessageTemplate t : all()) {
            if (t.source() == MessageTemplate.Source.CLOUD_API && t.status() != MessageTemplate.Status.DISABLED
                    && !listed.contains(t.name() + ":" + t.language())) {
                t.retire(time.now());
                audit.record(Actor.SYSTEM, AuditAction.TEMPLATE_DECLARED, "template", t.name() + ":" + t.language(),
                        Map.of("status", MessageTemplate.Status.DISABLED, "source", MessageTemplate.Source.CLOUD_API, "reason",
                                "not_listed"));
                retired++;
            }
        }
        return retired;
    }

    /** The approved template and the pre-flight verdict of these parameters; refuses with the first problem. */
    public MessageTemplate checked(String name, String language, List<String> header, List<String> body) {
        return checked(name, language, header, body, null, null);
    }

    /** The same with a media header's link and a URL button's parameter. */
    public MessageTemplate checked(String name, String language, List<String> header, List<String> body, String headerMedia, String link) {
        MessageTemplate template = find(name, language).orElse(null);
        List<TemplateCheck.Problem> problems = TemplateCheck.preflight(template, header, body, headerMedia, link);
        if (!problems.isEmpty()) {
            TemplateCheck.Problem first = problems.get(0);
            throw new DomainException(first.error(), first.arguments());
        }
        return template;
    }
}
