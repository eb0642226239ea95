package it.filodiretto.integration.assistant;

import it.filodiretto.domain.assistant.AnswerEngine;
import it.filodiretto.domain.assistant.IndexedArticle;
import it.filodiretto.domain.assistant.KnowledgeIndex;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LuceneKnowledgeIndexTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    static final List<IndexedArticle> ARTICLES = List.of(
            article("anagrafe-orari", "Orari dell'anagrafe", "L'ufficio anagrafe (servizi demografici) è aperto dal lunedì al venerdì "
                    + "dalle 8:30 alle 12:30. Il giovedì anche dalle 14:00 alle 17:00. Si riceve su appuntamento.", "it", "anagrafe"),
            article("tributi-tari", "TARI: la tassa sui rifiuti", "La TARI si paga in tre rate, con il modello F24 o con pagoPA. "
                    + "Le scadenze sono il 16 aprile, il 16 luglio e il 2 dicembre. Le famiglie numerose hanno una riduzione.", "it",
                    "tari", "tributi"),
            article("rifiuti-plastica", "Raccolta della plastica", "La plastica si raccoglie il martedì nel sacco giallo trasparente. "
                    + "Il sacco va esposto la sera prima dalle 20:00.", "it", "rifiuti", "plastica"),
            article("biblioteca-orari", "Orari della biblioteca civica",
                    "La biblioteca è aperta dal martedì al sabato dalle 9:00 alle 19:00. "
                            + "Il prestito è gratuito con la tessera.",
                    "it", "biblioteca"),
            article("en-town-hall-hours", "Town hall opening hours", "The town hall is open Monday to Friday from 8:30 to 12:30 "
                    + "and on Thursday afternoon from 2 pm to 5 pm.", "en", "town hall"));

    static IndexedArticle article(String slug, String title, String text, String language, String... tags) {
        return new IndexedArticle(slug, title, text, "https://www.comune.esempio.it/" + slug, "Ufficio - tel. 0331 390 000", Set.of(tags),
                language, null, null);
    }

    static LuceneKnowledgeIndex index() {
        LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(new ByteBuffersDirectory(), true);
        index.replaceAll(ARTICLES, OffsetDateTime.parse("2026-12-01T10:00:00Z"));
        return index;
    }

    static String best(KnowledgeIndex index, String question) {
        List<KnowledgeIndex.Hit> hits = index.search(question, TODAY, 3);
        return hits.isEmpty() ? null : hits.get(0).slug();
    }

    @Test
    void italianAnalysisMeetsCitizensSpelling() {
        LuceneKnowledgeIndex index = index();
        assertThat(best(index, "a che ora apre l'anagrafe?")).isEqualTo("anagrafe-orari");
        assertThat(best(index, "ORARI ANAGRAFE GIOVEDI")).isEqualTo("anagrafe-orari"); // accents folded, case ignored
        assertThat(best(index, "quando si paga la tari")).isEqualTo("tributi-tari");
        assertThat(best(index, "quando passano a prendere la plastica")).isEqualTo("rifiuti-plastica");
        assertThat(best(index, "what are the opening hours of the town hall")).isEqualTo("en-town-hall-hours");
    }

    @Test
    void anEnglishQuestionFindsTheItalianArticleThroughTheLexicon() {
        LuceneKnowledgeIndex index = index();
        assertThat(best(index, "when is the plastic collected?")).isEqualTo("rifiuti-plastica");
        assertThat(best(index, "how do I pay the waste tax")).isEqualTo("tributi-tari");
        assertThat(best(index, "how do I book an appointment at the registry office")).isEqualTo("anagrafe-orari");
        assertThat(best(index, "what are the opening hours of the town hall"))
                .as("an article in the citizen's language comes first").isEqualTo("en-town-hall-hours");
        assertThat(index.search("when is the plastic collected?", TODAY, 1).get(0).confidence()).isGreaterThanOrEqualTo(0.4);
    }

    @Test
    void theStaffExtendTheLexiconWithEnLinesAndAMalformedOneIsRefusedWithItsNumber() {
        LuceneKnowledgeIndex index = index();
        assertThat(best(index, "manga please")).isNull();
        index.synonyms(List.of("tari, tassa rifiuti", "en: manga, graphic novels => biblioteca, prestito"));
        assertThat(best(index, "manga please")).isEqualTo("biblioteca-orari");
        assertThatThrownBy(() -> index.synonyms(List.of("tari, tassa rifiuti", "en: manga biblioteca")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }

    @Test
    void fuzzyMatchingForgivesATypo() {
        assertThat(best(index(), "orari della bibloteca")).isEqualTo("biblioteca-orari");
        LuceneKnowledgeIndex strict = new LuceneKnowledgeIndex(new ByteBuffersDirectory(), false);
        strict.replaceAll(ARTICLES, null);
        assertThat(strict.search("bibloteca", TODAY, 3)).isEmpty();
    }

    @Test
    void synonymsBringTheOfficialWords() {
        LuceneKnowledgeIndex index = index();
        assertThat(index.search("quanto costa la spazzatura", TODAY, 3).stream().map(KnowledgeIndex.Hit::slug))
                .doesNotContain("tributi-tari");
        index.synonyms(
                List.of("# the citizens' words", "tassa spazzatura, spazzatura, tari", "servizi demografici, ufficio nascite => anagrafe"));
        assertThat(best(index, "quanto costa la spazzatura")).isEqualTo("tributi-tari");
        assertThat(best(index, "orari ufficio nascite")).isEqualTo("anagrafe-orari");
        assertThatThrownBy(() -> index.synonyms(List.of("tari"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> index.synonyms(List.of("tari, tassa", "il, lo, la"))).hasMessageContaining("line 2");
    }

    @Test
    void confidenceSeparatesAnswersFromQuestionsOutsideTheKnowledgeBase() {
        LuceneKnowledgeIndex index = index();
        double inScope = index.search("orari anagrafe", TODAY, 3).get(0).confidence();
        List<KnowledgeIndex.Hit> outside = index.search("chi ha vinto la partita dell'inter ieri sera", TODAY, 3);
        assertThat(inScope).isGreaterThan(0.8);
        assertThat(outside.isEmpty() ? 0 : outside.get(0).confidence()).isLessThan(Double.parseDouble(AnswerEngine.DEFAULT_THRESHOLD));
        assertThat(index.search("ciao grazie", TODAY, 3)).isEmpty();
    }

    @Test
    void theAnswerPassageOpensWithTheArticlesLeadAndAddsTheBestMatchingSentence() {
        KnowledgeIndex.Hit hit = index().search("quali sono le scadenze della tari", TODAY, 3).get(0);
        assertThat(hit.passage()).startsWith("La TARI si paga in tre rate").contains("16 aprile");
        assertThat(hit.link()).isEqualTo("https://www.comune.esempio.it/tributi-tari");
        assertThat(hit.office()).contains("0331");
    }

    @Test
    void expiredAndFutureArticlesAreNeverFound() {
        LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(new ByteBuffersDirectory(), true);
        index.replaceAll(List.of(new IndexedArticle("bando-affitti", "Bando contributo affitti", "Domande entro il 30 novembre.",
                null, null, Set.of(), "it", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 30))), null);
        assertThat(index.search("contributo affitti", LocalDate.of(2026, 11, 30), 3)).hasSize(1);
        assertThat(index.search("contributo affitti", LocalDate.of(2026, 12, 1), 3)).isEmpty();
        assertThat(index.search("contributo affitti", LocalDate.of(2026, 9, 30), 3)).isEmpty();
    }

    @Test
    void changesAreIncrementalAndTheIndexSurvivesARestartWithItsWatermark(@TempDir Path dir) throws Exception {
        OffsetDateTime first = OffsetDateTime.parse("2026-12-01T10:00:00Z");
        try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(FSDirectory.open(dir), true)) {
            assertThat(index.watermark()).isEmpty();
            index.replaceAll(ARTICLES, first);
            index.put(List.of(article("rifiuti-plastica", "Raccolta della plastica", "La plastica si raccoglie il mercoledì.", "it")),
                    List.of("biblioteca-orari"), first.plusMinutes(5));
        }
        try (LuceneKnowledgeIndex reopened = new LuceneKnowledgeIndex(FSDirectory.open(dir), true)) {
            assertThat(reopened.watermark()).contains(first.plusMinutes(5));
            assertThat(reopened.size()).isEqualTo(ARTICLES.size() - 1);
            assertThat(reopened.search("biblioteca", TODAY, 3).stream().map(KnowledgeIndex.Hit::slug)).doesNotContain("biblioteca-orari");
            assertThat(reopened.search("plastica", TODAY, 3).get(0).passage()).contains("mercoledì");
        }
    }
}
