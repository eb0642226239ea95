package it.filodiretto.integration.assistant;

import it.filodiretto.domain.assistant.AnswerEngine;
import it.filodiretto.domain.assistant.AnswerWriter;
import it.filodiretto.domain.assistant.IndexedArticle;
import it.filodiretto.domain.assistant.KnowledgeIndex;
import it.filodiretto.integration.api.ArticleFiles;
import jakarta.json.JsonObject;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static it.filodiretto.domain.common.Jsons.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped sample knowledge base and evaluation set keep the quality targets (hit@3 and
 * out-of-scope declined at least 0.9) with the default threshold: a change to the analysis, the confidence
 * or the sample content that breaks them fails here. Timing is measured by bench/assistant-eval.sh, not here.
 */
class SampleKnowledgeBaseTest {

    static final Path BENCH = Path.of("..", "bench", "assistant");

    /** The sample city (tuned on), a second city used for tuning, and the held-out city nobody tuned on. */
    @ParameterizedTest
    @CsvSource({"knowledge-base.json, questions.jsonl, Esempio", "devset/knowledge-base.json, devset/questions.jsonl, Lavenzano",
            "heldout/knowledge-base.json, heldout/questions.jsonl, Castelbruno Olona"})
    void everyEvaluationSetMeetsTheQualityTargetsWithTheDefaults(String kbFile, String questions, String city) throws Exception {
        ArticleFiles.Contents kb = ArticleFiles.read("knowledge-base.json", Files.readAllBytes(BENCH.resolve(kbFile)));
        assertThat(kb.problems()).isEmpty();
        assertThat(kb.articles()).hasSizeGreaterThanOrEqualTo(40);
        LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(new ByteBuffersDirectory(), true);
        index.replaceAll(kb.articles().stream().map(IndexedArticle::of).toList(), null);
        index.synonyms(kb.synonyms());
        AnswerEngine engine = new AnswerEngine(index, AnswerWriter.NONE,
                new AnswerEngine.Settings(Double.parseDouble(AnswerEngine.DEFAULT_THRESHOLD), 1024, city, ""));
        int inScope = 0;
        int hit3 = 0;
        int outOfScope = 0;
        int declined = 0;
        int english = 0;
        int englishHit3 = 0;
        List<String> lines = Files.readAllLines(BENCH.resolve(questions)).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(150);
        for (String line : lines) {
            JsonObject q = JSON.createReader(new StringReader(line)).readObject();
            AnswerEngine.Answer a = engine.answer(q.getString("question"), LocalDate.of(2026, 12, 7), true);
            if (q.isNull("expected_article")) {
                outOfScope++;
                declined += a.outcome() == AnswerEngine.Outcome.ANSWERED ? 0 : 1;
            } else {
                inScope++;
                boolean top3 = a.hits().stream().map(KnowledgeIndex.Hit::slug).toList().contains(q.getString("expected_article"));
                int right = a.outcome() == AnswerEngine.Outcome.ANSWERED && top3 ? 1 : 0;
                hit3 += right;
                if ("en".equals(a.language())) {
                    english++;
                    englishHit3 += right;
                }
            }
            assertThat(a.text().length()).isLessThanOrEqualTo(1024);
        }
        assertThat((double) hit3 / inScope).as("hit@3").isGreaterThanOrEqualTo(0.85);
        assertThat((double) declined / outOfScope).as("out of scope declined").isGreaterThanOrEqualTo(0.9);
        assertThat((double) englishHit3 / english).as("English questions hit@3").isGreaterThanOrEqualTo(0.8);
    }
}
