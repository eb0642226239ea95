import it.filodiretto.domain.assistant.AnswerEngine;
import it.filodiretto.domain.assistant.AnswerWriter;
import it.filodiretto.domain.assistant.ArticleDraft;
import it.filodiretto.domain.assistant.IndexedArticle;
import it.filodiretto.domain.assistant.KnowledgeIndex;
import it.filodiretto.domain.assistant.QuestionLanguage;
import it.filodiretto.integration.api.ArticleFiles;
import it.filodiretto.integration.assistant.LuceneKnowledgeIndex;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.lucene.store.FSDirectory;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The assistant's evaluation (bench/assistant-eval.sh): loads a knowledge base file into the same Lucene
 * index and answer engine the chat uses (retrieval mode), asks every question of a JSONL file and prints
 * hit@1, hit@3, the share of out-of-scope questions correctly declined and the answer times.
 */
public class AssistantEval {

    public static void main(String[] args) throws Exception {
        Path questions = null;
        Path kb = Path.of("bench/assistant/knowledge-base.json");
        int articles = 0;
        double threshold = Double.parseDouble(AnswerEngine.DEFAULT_THRESHOLD);
        boolean verbose = false;
        boolean fuzzy = true;
        boolean sweep = false;
        String city = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kb" -> kb = Path.of(args[++i]);
                case "--articles" -> articles = Integer.parseInt(args[++i]);
                case "--threshold" -> threshold = Double.parseDouble(args[++i]);
                case "--no-fuzzy" -> fuzzy = false;
                case "--verbose", "-v" -> verbose = true;
                case "--sweep" -> sweep = true;
                case "--city" -> city = args[++i];
                default -> questions = Path.of(args[i]);
            }
        }
        if (questions == null) {
            System.err.println("usage: bench/assistant-eval.sh questions.jsonl [--kb knowledge-base.json] [--articles N] [--threshold T] [--city NAME] [--no-fuzzy] [-v]");
            System.exit(2);
        }
        ArticleFiles.Contents contents = ArticleFiles.read(kb.getFileName().toString(), Files.readAllBytes(kb));
        if (!contents.problems().isEmpty()) {
            contents.problems().forEach(p -> System.err.println(p));
            System.exit(1);
        }
        if (city == null) {
            city = cityOf(kb);
        }
        List<IndexedArticle> docs = new ArrayList<>(contents.articles().stream().map(IndexedArticle::of).toList());
        int real = docs.size();
        docs.addAll(generated(contents.articles(), articles - real));
        Path dir = Files.createTempDirectory("assistant-eval");
        try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(FSDirectory.open(dir), fuzzy)) {
            long t0 = System.nanoTime();
            index.replaceAll(docs, OffsetDateTime.now());
            long indexMs = (System.nanoTime() - t0) / 1_000_000;
            index.synonyms(contents.synonyms());
            AnswerEngine engine = new AnswerEngine(index, AnswerWriter.NONE,
                    new AnswerEngine.Settings(threshold, 1024, city, "URP 0331 390 000"));
            List<String[]> set = new ArrayList<>();
            for (String line : Files.readAllLines(questions)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonObject o = Json.createReader(new StringReader(line)).readObject();
                set.add(new String[]{o.getString("question"), o.isNull("expected_article") ? null : o.getString("expected_article")});
            }
            LocalDate today = LocalDate.now();
            if (sweep) {
                sweep(set, index, today);
            }
            int inScope = 0, outScope = 0, hit1 = 0, hit3 = 0, retrieved3 = 0, declined = 0, answeredIn = 0, english = 0, englishHit3 = 0;
            int expiredUsed = 0;
            java.util.Map<String, ArticleDraft> bySlug = new java.util.HashMap<>();
            contents.articles().forEach(a -> bySlug.put(a.slug(), a));
            for (String[] q : set) {
                AnswerEngine.Answer a = engine.answer(q[0], today, true);
                List<String> slugs = a.hits().stream().map(KnowledgeIndex.Hit::slug).toList();
                boolean answered = a.outcome() == AnswerEngine.Outcome.ANSWERED;
                for (String slug : slugs) {
                    ArticleDraft used = bySlug.get(slug);
                    if (used != null && (used.validUntil() != null && used.validUntil().isBefore(today)
                            || used.validFrom() != null && used.validFrom().isAfter(today))) {
                        expiredUsed++;
                    }
                }
                if (q[1] == null) {
                    outScope++;
                    if (!answered) {
                        declined++;
                    } else if (verbose) {
                        System.out.printf("ANSWERED OUT-OF-SCOPE  %-60s -> %s (%.2f)%n", q[0], slugs.get(0), a.confidence());
                    }
                    continue;
                }
                inScope++;
                int rank = slugs.indexOf(q[1]);
                if (answered) {
                    answeredIn++;
                }
                if (rank >= 0) {
                    retrieved3++;
                }
                if (answered && rank == 0) {
                    hit1++;
                }
                if (answered && rank >= 0) {
                    hit3++;
                }
                if ("en".equals(QuestionLanguage.of(q[0]))) {
                    english++;
                    englishHit3 += answered && rank >= 0 ? 1 : 0;
                }
                if (verbose && (!answered || rank != 0)) {
                    System.out.printf("%-8s rank %d  %-60s -> %s (%.2f) expected %s%n", answered ? "MISS" : "DECLINED", rank + 1, q[0],
                            slugs.isEmpty() ? "-" : slugs.get(0), a.confidence(), q[1]);
                }
            }
            // timing: every question five more times, after the pass above warmed the JIT and the caches
            List<Long> micros = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (String[] q : set) {
                    long s = System.nanoTime();
                    engine.answer(q[0], today, true);
                    micros.add((System.nanoTime() - s) / 1000);
                }
            }
            long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("knowledge base: %d articles (%d from %s, %d generated), %d synonym lines, indexed in %d ms%n",
                    docs.size(), real, kb, docs.size() - real, contents.synonyms().size(), indexMs);
            System.out.printf("questions: %d (%d in scope, %d out of scope), threshold %.2f, fuzzy %s%n", set.size(), inScope, outScope,
                    threshold, fuzzy ? "on" : "off");
            System.out.printf("hit@1 %.3f   hit@3 %.3f   (answered and the expected article first / in the top 3)%n",
                    (double) hit1 / inScope, (double) hit3 / inScope);
            System.out.printf("retrieved@3 %.3f   answered %.3f   (expected article in the top 3 at all / in-scope questions answered)%n",
                    (double) retrieved3 / inScope, (double) answeredIn / inScope);
            System.out.printf("out of scope correctly declined %.3f (%d/%d)%n", outScope == 0 ? 1.0 : (double) declined / outScope, declined, outScope);
            System.out.printf("english questions hit@3 %.3f (%d/%d)   articles out of their validity retrieved: %d%n",
                    english == 0 ? 1.0 : (double) englishHit3 / english, englishHit3, english, expiredUsed);
            System.out.printf("answer time (retrieval mode, %d answers): p50 %.2f ms   p95 %.2f ms   max %.2f ms%n", sorted.length,
                    sorted[sorted.length / 2] / 1000.0, sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1000.0,
                    sorted[sorted.length - 1] / 1000.0);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The city the knowledge base is of: its optional top-level {@code "city"} (ignored by the import), else Esempio. */
    static String cityOf(Path kb) throws java.io.IOException {
        if (kb.toString().endsWith(".json")) {
            var json = Json.createReader(Files.newBufferedReader(kb)).readValue();
            if (json instanceof JsonObject o && o.containsKey("city") && !o.isNull("city")) {
                return o.getString("city");
            }
        }
        return "Esempio";
    }

    /** hit@3 and out-of-scope declined for thresholds 0.05 to 0.80 (to choose the configured threshold). */
    static void sweep(List<String[]> set, KnowledgeIndex index, LocalDate today) {
        List<double[]> in = new ArrayList<>();
        List<Double> out = new ArrayList<>();
        for (String[] q : set) {
            List<KnowledgeIndex.Hit> hits = index.search(q[0], today, 3);
            double c = hits.isEmpty() ? 0 : hits.get(0).confidence();
            if (q[1] == null) {
                out.add(c);
            } else {
                in.add(new double[]{hits.stream().map(KnowledgeIndex.Hit::slug).toList().indexOf(q[1]), c});
            }
        }
        for (int t = 5; t <= 80; t += 5) {
            double th = t / 100.0;
            long h3 = in.stream().filter(r -> r[0] >= 0 && r[1] >= th).count();
            long h1 = in.stream().filter(r -> r[0] == 0 && r[1] >= th).count();
            long d = out.stream().filter(c -> c < th).count();
            System.out.printf("threshold %.2f   hit@1 %.3f   hit@3 %.3f   declined %.3f%n", th, (double) h1 / in.size(),
                    (double) h3 / in.size(), out.isEmpty() ? 1.0 : (double) d / out.size());
        }
    }

    /**
     * Filler articles for the size benchmark: titles and texts drawn from the words of the real knowledge base
     * (so they share its vocabulary and compete in every search), each a different random mix.
     */
    static List<IndexedArticle> generated(List<ArticleDraft> real, int count) {
        List<String> words = new ArrayList<>();
        for (ArticleDraft a : real) {
            words.addAll(Arrays.asList(a.text().split("\\s+")));
        }
        Random random = new Random(42);
        List<IndexedArticle> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder title = new StringBuilder();
            for (int w = 0, n = 3 + random.nextInt(5); w < n; w++) {
                title.append(words.get(random.nextInt(words.size()))).append(' ');
            }
            StringBuilder text = new StringBuilder();
            for (int w = 0, n = 80 + random.nextInt(150); w < n; w++) {
                text.append(words.get(random.nextInt(words.size()))).append(' ');
            }
            out.add(new IndexedArticle("generated-" + i, title.toString().strip(), text.toString().strip(),
                    "https://www.comune.esempio.it/generated/" + i, null, Set.of(), "it", null, null));
        }
        return out;
    }
}
