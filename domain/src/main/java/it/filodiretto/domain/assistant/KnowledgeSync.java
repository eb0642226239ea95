package it.filodiretto.domain.assistant;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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

    @Inject
    KnowledgeBase knowledge;

    @Inject
    KnowledgeIndex index;

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
            knowledge.importSentCampaigns();
        } catch (RuntimeException e) {
            // a transaction of its own (REQUIRES_NEW): a failure here leaves the index sync below unaffected
            LOG.warning(() -> "Sent campaigns not imported as articles now; retried in ten seconds: " + e.getMessage());
        }
        try {
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
}
