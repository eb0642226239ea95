package it.filodiretto.domain.assistant;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.campaign.Campaign;
import it.filodiretto.domain.campaign.CampaignState;
import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.domain.whatsapp.MessageTemplate;
import it.filodiretto.domain.whatsapp.TemplateRegistry;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The knowledge base's use cases: write, edit, archive and restore articles, import files, keep the synonym
 * list. Every change is audited (the article's slug and what changed, counts for imports) and reaches the
 * search index after the commit.
 */
@Stateless
public class KnowledgeBase {

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    TimeSource time;

    @Inject
    TemplateRegistry templates;

    @Inject
    @ConfigProperty(name = "filodiretto.assistant.campaign-days", defaultValue = "30")
    int campaignDays;

    @Inject
    KnowledgeIndex index;

    @Inject
    Event<KnowledgeChanged> changed;

    /** What an import did. */
    public record ImportResult(int created, int updated, int unchanged, int synonymLines) {
    }

    public Article create(ArticleDraft draft, String editor) {
        if (bySlug(draft.slug()).isPresent()) {
            throw new DomainException(DomainError.ARTICLE_SLUG_TAKEN, draft.slug());
        }
        Article article = new Article(draft, Article.Source.EDITOR, null, editor, time.now());
        em.persist(article);
        em.flush();
        audit.record(actor(editor), AuditAction.ARTICLE_CREATED, "article", article.slug(), details(article));
        changed.fire(new KnowledgeChanged());
        return article;
    }

    public Article update(long id, long version, ArticleDraft draft, String editor) {
        Article article = article(id);
        if (article.version() != version) {
            throw new DomainException(DomainError.ARTICLE_STALE);
        }
        if (!article.slug().equals(draft.slug())) {
            throw new DomainException(DomainError.ARTICLE_SLUG_FIXED);
        }
        if (article.differsFrom(draft)) {
            article.apply(draft, editor, time.now());
            em.flush();
            audit.record(actor(editor), AuditAction.ARTICLE_UPDATED, "article", article.slug(), details(article));
            changed.fire(new KnowledgeChanged());
        }
        return article;
    }

    public Article archive(long id, String editor) {
        Article article = article(id);
        if (article.state() != Article.State.ARCHIVED) {
            article.archive(editor, time.now());
            audit.record(actor(editor), AuditAction.ARTICLE_ARCHIVED, "article", article.slug());
            changed.fire(new KnowledgeChanged());
        }
        return article;
    }

    public Article restore(long id, String editor) {
        Article article = article(id);
        if (article.state() != Article.State.PUBLISHED) {
            article.publish(editor, time.now());
            audit.record(actor(editor), AuditAction.ARTICLE_RESTORED, "article", article.slug());
            changed.fire(new KnowledgeChanged());
        }
        return article;
    }

    /**
     * Adds new articles and updates existing ones (by slug) in one transaction; replaces the synonym list when
     * the file brings one. An archived article that comes back in a file is published again.
     */
    public ImportResult importAll(List<ArticleDraft> drafts, List<String> synonymLines, String editor) {
        if (drafts.isEmpty() && synonymLines.isEmpty()) {
            throw new DomainException(DomainError.IMPORT_EMPTY);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        OffsetDateTime now = time.now();
        for (ArticleDraft draft : drafts) {
            Optional<Article> existing = bySlug(draft.slug());
            if (existing.isEmpty()) {
                em.persist(new Article(draft, Article.Source.IMPORT, null, editor, now));
                created++;
            } else if (existing.get().differsFrom(draft) || existing.get().state() == Article.State.ARCHIVED) {
                existing.get().apply(draft, editor, now);
                existing.get().publish(editor, now);
                updated++;
            } else {
                unchanged++;
            }
        }
        int lines = 0;
        if (!synonymLines.isEmpty()) {
            lines = storeSynonyms(synonymLines, editor);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("created", created);
        details.put("updated", updated);
        details.put("unchanged", unchanged);
        details.put("synonymLines", lines);
        audit.record(actor(editor), AuditAction.ARTICLES_IMPORTED, "article", null, details);
        changed.fire(new KnowledgeChanged());
        return new ImportResult(created, updated, unchanged, lines);
    }

    public List<String> synonyms() {
        AssistantSynonyms row = em.find(AssistantSynonyms.class, AssistantSynonyms.ID);
        return row == null ? List.of() : row.lines();
    }

    /** Replaces the synonym list; a line the index cannot use is refused with its number. */
    public int saveSynonyms(List<String> lines, String editor) {
        int count = storeSynonyms(lines, editor);
        changed.fire(new KnowledgeChanged());
        return count;
    }

    private int storeSynonyms(List<String> lines, String editor) {
        List<String> clean = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        try {
            index.synonyms(clean);
        } catch (IllegalArgumentException e) {
            throw new DomainException(DomainError.SYNONYMS_INVALID, e.getMessage());
        }
        AssistantSynonyms row = em.find(AssistantSynonyms.class, AssistantSynonyms.ID);
        if (row == null) {
            em.persist(new AssistantSynonyms(clean, editor, time.now()));
        } else {
            row.replace(clean, editor, time.now());
        }
        audit.record(actor(editor), AuditAction.SYNONYMS_CHANGED, "synonyms", null, Map.of("lines", clean.size()));
        return clean.size();
    }

    public Article article(long id) {
        Article article = em.find(Article.class, id);
        if (article == null) {
            throw new DomainException(DomainError.ARTICLE_NOT_FOUND);
        }
        return article;
    }

    public Optional<Article> bySlug(String slug) {
        return em.createQuery("select a from Article a where a.slug = :s", Article.class).setParameter("s", slug)
                .getResultList().stream().findFirst();
    }

    /** Articles whose title, slug or tags contain {@code text} (any case), in a state (or all), newest change first. */
    public List<Article> list(String text, Article.State state, int first, int max) {
        TypedQuery<Article> q = em.createQuery(
                "select a from Article a where " + where(text, state) + " order by a.updatedAt desc, a.id desc",
                Article.class);
        bind(q, text, state);
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    public int count(String text, Article.State state) {
        TypedQuery<Long> q = em.createQuery("select count(a) from Article a where " + where(text, state), Long.class);
        bind(q, text, state);
        return q.getSingleResult().intValue();
    }

    private static String where(String text, Article.State state) {
        String where = state == null ? "1 = 1" : "a.state = :state";
        if (text != null && !text.isBlank()) {
            where += " and (lower(a.title) like :text or a.slug like :text or a.tags like :text)";
        }
        return where;
    }

    private static void bind(TypedQuery<?> q, String text, Article.State state) {
        if (state != null) {
            q.setParameter("state", state);
        }
        if (text != null && !text.isBlank()) {
            q.setParameter("text", "%" + text.strip().toLowerCase(Locale.ROOT) + "%");
        }
    }

    /** For the index: every article changed after {@code since} (all of them when null), oldest change first. */
    public List<Article> changedSince(OffsetDateTime since) {
        return since == null
                ? em.createQuery("select a from Article a order by a.updatedAt", Article.class).getResultList()
                : em.createQuery("select a from Article a where a.updatedAt > :t order by a.updatedAt", Article.class)
                        .setParameter("t", since).getResultList();
    }

    private static Map<String, Object> details(Article a) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("title", a.title());
        details.put("language", a.language());
        details.put("validFrom", a.validFrom() == null ? "" : a.validFrom().toString());
        details.put("validUntil", a.validUntil() == null ? "" : a.validUntil().toString());
        details.put("textLength", a.text().length());
        return details;
    }

    private static Actor actor(String editor) {
        return Actor.SYSTEM.name().equals(editor) ? Actor.SYSTEM : Actor.staff(editor);
    }

    /**
     * Sent campaigns not yet in the knowledge base become articles (their text is the template as sent), valid
     * {@code filodiretto.assistant.campaign-days} after sending or until their expiry.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void importSentCampaigns() {
        List<Campaign> sent = em.createQuery("select c from Campaign c where c.state in :states and c.finishedAt > :since"
                + " and not exists (select a from Article a where a.campaignId = c.id)", Campaign.class)
                .setParameter("states", Set.of(CampaignState.SENT, CampaignState.SENDING))
                .setParameter("since", time.now().minusDays(campaignDays)).setMaxResults(50).getResultList();
        for (Campaign c : sent) {
            // the campaign's row lock makes two servers take turns; the second then finds the article and skips it
            em.lock(c, LockModeType.PESSIMISTIC_WRITE);
            if (!em.createQuery("select a.id from Article a where a.campaignId = :c", Long.class).setParameter("c", c.id())
                    .setMaxResults(1).getResultList().isEmpty()) {
                continue;
            }
            String body = templates.find(c.templateName(), c.language()).map(MessageTemplate::bodyText)
                    .map(text -> MessageTemplate.render(text, c.bodyParameters())).orElse(c.title());
            String link = c.content().link();
            var until = (c.expiresAt() != null ? c.expiresAt() : c.finishedAt().plusDays(campaignDays)).toLocalDate();
            ArticleDraft draft = new ArticleDraft("campagna-" + c.id(), c.title(), body,
                    link != null && link.startsWith("http") ? link : null, null, c.topics(),
                    c.language().startsWith("en") ? "en" : "it", c.finishedAt().toLocalDate(), until);
            em.persist(new Article(draft, Article.Source.CAMPAIGN, c.id(), "system", time.now()));
        }
    }
}
