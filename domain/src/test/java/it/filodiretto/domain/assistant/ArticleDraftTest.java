package it.filodiretto.domain.assistant;

import it.filodiretto.domain.common.Refusals;

import it.filodiretto.domain.common.DomainException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleDraftTest {

    @Test
    void slugIsDerivedFromTheTitleWhenAbsent() {
        ArticleDraft d = new ArticleDraft(null, "Raccolta dell'umido: orari", "Testo", null, null, Set.of(" Rifiuti ", ""), null, null,
                null);
        assertThat(d.slug()).isEqualTo("raccolta-dell-umido-orari");
        assertThat(d.language()).isEqualTo("it");
        assertThat(d.tags()).containsExactly("rifiuti");
    }

    @Test
    void badDraftsAreRefusedWithAMessageKey() {
        assertThatThrownBy(() -> new ArticleDraft("x", " ", "t", null, null, null, null, null, null))
                .isInstanceOf(DomainException.class).satisfies(Refusals.messageKey("error.article.titleRequired"));
        assertThatThrownBy(() -> new ArticleDraft("Not A Slug", "T", "t", null, null, null, null, null, null))
                .satisfies(Refusals.messageKey("error.article.slug"));
        assertThatThrownBy(() -> new ArticleDraft("a", "T", "t", "javascript:alert(1)", null, null, null, null, null))
                .satisfies(Refusals.messageKey("error.article.link"));
        assertThatThrownBy(() -> new ArticleDraft("a", "T", "t", null, null, null, "fr", null, null))
                .satisfies(Refusals.messageKey("error.article.language"));
        assertThatThrownBy(
                () -> new ArticleDraft("a", "T", "t", null, null, null, null, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 1, 1)))
                .satisfies(Refusals.messageKey("error.article.validity"));
        assertThatThrownBy(() -> new ArticleDraft("a", "T", "x".repeat(ArticleDraft.MAX_TEXT + 1), null, null, null, null, null, null))
                .satisfies(Refusals.messageKey("error.article.textTooLong"));
    }
}
