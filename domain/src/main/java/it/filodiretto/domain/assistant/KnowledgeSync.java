package it.filodiretto.domain.assistant;

import it.filodiretto.domain.campaign.Campaign;
import it.filodiretto.domain.campaign.CampaignState;
import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.domain.whatsapp.MessageTemplate;
import it.filodiretto.domain.whatsapp.TemplateRegistry;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the search index in step with the database: at once after a change committed here, and every ten
 * seconds for changes made by another instance (each server has its own index). An index that is missing
 * (first start, deleted directory) is rebuilt from the articles. Published campaigns become articles while
 * they are valid ({@code filodiretto.assistant.campaign-days} after sending, or until their expiry).
 */
@Singleton
public class KnowledgeSync {

    private static final Logger LOG = Logger.getLogger(KnowledgeSync.class.getName());

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    KnowledgeBase knowledge;

    @Inject
    KnowledgeIndex index;

    @Inject
    TemplateRegistry templates;

    @Inject
    TimeSource time;

    @Inject
    @ConfigProperty(name = "filodiretto.assistant.campaign-days", defaultValue = "30")
    int campaignDays;

    private List<String> appliedSynonyms;

    public void afterChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) KnowledgeChanged event) {
        try {
            sync();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Knowledge index not updated now; the next periodic sync retries", e);
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "knowledge index sync")
    void periodic() {
        try {
            importCampaigns();
            sync();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Knowledge index sync failed; retried in ten seconds", e);
        }
    }

    /** Brings the index up to date; returns how many articles it touched. */
    public int sync() {
        List<String> synonyms = knowledge.synonyms();
        if (!synonyms.equals(appliedSynonyms)) {
            try {
                index.synonyms(synonyms);
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "Stored synonyms refused by the index: " + e.getMessage());
            }
            appliedSynonyms = synonyms;
        }
        OffsetDateTime watermark = index.watermark().orElse(null);
        List<Article> changed = knowledge.changedSince(watermark);
        if (changed.isEmpty()) {
            return 0;
        }
        OffsetDateTime upTo = changed.get(changed.size() - 1).updatedAt();
        List<IndexedArticle> published = new ArrayList<>();
        List<String> archived = new ArrayList<>();
        for (Article a : changed) {
            if (a.state() == Article.State.PUBLISHED) {
                published.add(a.indexed());
            } else {
                archived.add(a.slug());
            }
        }
        if (watermark == null) {
            index.replaceAll(published, upTo);
            LOG.info(() -> "Knowledge index rebuilt: " + published.size() + " articles");
        } else {
            index.put(published, archived, upTo);
        }
        return changed.size();
    }

    /** Sent campaigns not yet in the knowledge base become articles (their text is the template as sent). */
    void importCampaigns() {
        List<Campaign> sent = em.createQuery("select c from Campaign c where c.state in :states and c.finishedAt > :since"
                        + " and not exists (select a from Article a where a.campaignId = c.id)", Campaign.class)
                .setParameter("states", Set.of(CampaignState.SENT, CampaignState.SENDING))
                .setParameter("since", time.now().minusDays(campaignDays)).setMaxResults(50).getResultList();
        for (Campaign c : sent) {
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
