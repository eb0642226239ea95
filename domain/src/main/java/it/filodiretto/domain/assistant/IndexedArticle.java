package it.filodiretto.domain.assistant;

import java.time.LocalDate;
import java.util.Set;

/** What the search index holds of an article: its content and the dates it may be used. */
public record IndexedArticle(String slug, String title, String text, String link, String office, Set<String> tags,
        String language, LocalDate validFrom, LocalDate validUntil) {

    public static IndexedArticle of(ArticleDraft d) {
        return new IndexedArticle(d.slug(), d.title(), d.text(), d.link(), d.office(), d.tags(), d.language(),
                d.validFrom(), d.validUntil());
    }
}
