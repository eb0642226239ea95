package it.filodiretto.domain.assistant;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: the full-text index of the knowledge base (Lucene in integration). Only published articles are put
 * in it; validity dates are applied at search time, so an article that expires stops being found that day.
 */
public interface KnowledgeIndex {

    /** Adds or replaces articles (by slug), then records {@code syncedUpTo} as the index's watermark. */
    void put(Collection<IndexedArticle> articles, Collection<String> removedSlugs, OffsetDateTime syncedUpTo);

    /** Replaces everything (rebuild). */
    void replaceAll(Collection<IndexedArticle> articles, OffsetDateTime syncedUpTo);

    /** The synonym groups applied to questions (Solr format, one group per line). Invalid lines are refused. */
    void synonyms(List<String> lines);

    /** The last change the index holds; empty when the index is missing or was never built. */
    Optional<OffsetDateTime> watermark();

    int size();

    /** The best articles usable on {@code day}, best first, with a confidence in [0, 1]. */
    List<Hit> search(String question, LocalDate day, int max);

    /** One retrieved article: {@code passage} is the part of its text that best answers the question. */
    record Hit(String slug, String title, String link, String office, String language, double score,
            double confidence, String passage) {
    }
}
