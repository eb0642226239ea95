package it.filodiretto.integration.assistant;

import it.filodiretto.domain.assistant.IndexedArticle;
import it.filodiretto.domain.assistant.KnowledgeIndex;
import it.filodiretto.domain.assistant.QuestionLanguage;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The knowledge base in Apache Lucene. Each article is indexed in the fields of its language (title, tags,
 * text) with that language's analysis; a question is analysed for both languages and broken into
 * <em>concepts</em> (a word, or the longest phrase found in the synonym list, with all its alternatives;
 * an unknown word of five letters or more also tries its close spellings when fuzzy matching is on).
 * BM25 ranks the articles (title and tags boosted); the confidence of a hit is the share of the question's
 * concepts, weighted by their rarity (IDF), that the article contains: an article that explains the rare
 * words of the question scores high, one that only shares "orari" or "via" scores low, and a question about
 * things the knowledge base never mentions scores near zero.
 */
public final class LuceneKnowledgeIndex implements KnowledgeIndex, Closeable {

    static final String SLUG = "slug";
    static final String TITLE = "title_";
    static final String TAGS = "tags_";
    static final String TEXT = "text_";
    static final String LINK = "link";
    static final String OFFICE = "office";
    static final String LANGUAGE = "language";
    static final String FROM = "valid_from";
    static final String UNTIL = "valid_until";
    static final String WATERMARK = "syncedUpTo";

    /** How much a misspelt word found by fuzzy matching counts, compared with the word itself. */
    static final double FUZZY_CREDIT = 0.8;

    /** The weight of articles in the other language than the question's. */
    static final float OTHER_LANGUAGE = 0.2f;

    /** The weight of Italian articles reached by an English question through the lexicon (English articles first). */
    static final float TRANSLATED = 0.5f;

    /** How much better an article in another language than the question's must explain it to come first. */
    static final double OTHER_LANGUAGE_MARGIN = 0.25;

    static final double TEXT_CREDIT = 0.6;
    static final double MISSING_WEIGHT = 0.3;
    static final double UNKNOWN_WEIGHT = 0.1;

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer;
    private final boolean fuzzy;
    private volatile Map<String, SynonymGroups> synonyms = Map.of("it", SynonymGroups.empty(), "en", SynonymGroups.empty());
    /** English words and phrases → the Italian ones of the articles: the shipped lexicon plus the staff's {@code en:} lines. */
    private volatile SynonymGroups lexicon = SynonymGroups.empty();

    /** A synonym line that starts with this is an entry of the English → Italian lexicon. */
    static final String LEXICON_PREFIX = "en:";

    /** The English → Italian lexicon shipped with the application (docs/assistant.md, "Languages"). */
    static final List<String> DEFAULT_LEXICON = readLexicon();

    public LuceneKnowledgeIndex(Directory directory, boolean fuzzy) {
        this.fuzzy = fuzzy;
        Map<String, Analyzer> perField = new HashMap<>();
        for (String language : KnowledgeAnalysis.LANGUAGES) {
            for (String field : List.of(TITLE, TAGS, TEXT)) {
                perField.put(field + language, KnowledgeAnalysis.forLanguage(language));
            }
        }
        this.analyzer = new PerFieldAnalyzerWrapper(KnowledgeAnalysis.ITALIAN, perField);
        this.lexicon = SynonymGroups.lexicon(DEFAULT_LEXICON, KnowledgeAnalysis.ENGLISH, KnowledgeAnalysis.ITALIAN, new ArrayList<>());
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void put(Collection<IndexedArticle> articles, Collection<String> removedSlugs, OffsetDateTime syncedUpTo) {
        try {
            for (IndexedArticle a : articles) {
                writer.updateDocument(new Term(SLUG, a.slug()), document(a));
            }
            for (String slug : removedSlugs) {
                writer.deleteDocuments(new Term(SLUG, slug));
            }
            commit(syncedUpTo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void replaceAll(Collection<IndexedArticle> articles, OffsetDateTime syncedUpTo) {
        try {
            writer.deleteAll();
            for (IndexedArticle a : articles) {
                writer.addDocument(document(a));
            }
            commit(syncedUpTo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commit(OffsetDateTime syncedUpTo) throws IOException {
        if (syncedUpTo != null) {
            writer.setLiveCommitData(Map.of(WATERMARK, syncedUpTo.toString()).entrySet());
        }
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    @Override
    public Optional<OffsetDateTime> watermark() {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (WATERMARK.equals(e.getKey())) {
                    return Optional.of(OffsetDateTime.parse(e.getValue()));
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> readLexicon() {
        try (var in = LuceneKnowledgeIndex.class.getResourceAsStream("lexicon-en-it.txt")) {
            return in == null ? List.of() : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void synonyms(List<String> all) {
        // "en: parking fine => multa" lines extend the lexicon; they keep their place so errors name the right line
        List<String> lines = all.stream().map(l -> isLexicon(l) ? "" : l).toList();
        List<String> entries = new ArrayList<>(DEFAULT_LEXICON);
        for (String line : all) {
            if (isLexicon(line)) {
                String entry = line.strip().substring(LEXICON_PREFIX.length());
                if (!entry.contains("=>")) {
                    throw new IllegalArgumentException(
                            "line " + (all.indexOf(line) + 1) + ": an 'en:' line needs '=>' between the English and"
                                    + " the Italian words: " + line.strip());
                }
                entries.add(entry);
            }
        }
        SynonymGroups italian = SynonymGroups.parse(lines, KnowledgeAnalysis.ITALIAN);
        SynonymGroups translations = SynonymGroups.lexicon(entries, KnowledgeAnalysis.ENGLISH, KnowledgeAnalysis.ITALIAN,
                new ArrayList<>());
        List<String> english = new ArrayList<>();
        for (String line : lines) {
            try {
                SynonymGroups.parse(List.of(line), KnowledgeAnalysis.ENGLISH);
                english.add(line);
            } catch (IllegalArgumentException e) {
                // an Italian line that says nothing once analysed as English: it only serves Italian questions
            }
        }
        synonyms = Map.of("it", italian, "en", SynonymGroups.parse(english, KnowledgeAnalysis.ENGLISH));
        lexicon = translations;
    }

    private static boolean isLexicon(String line) {
        return line != null && line.strip().regionMatches(true, 0, LEXICON_PREFIX, 0, LEXICON_PREFIX.length());
    }

    @Override
    public int size() {
        return writer.getDocStats().numDocs;
    }

    private static Document document(IndexedArticle a) {
        String language = a.language();
        Document doc = new Document();
        doc.add(new StringField(SLUG, a.slug(), Field.Store.YES));
        doc.add(new StringField(LANGUAGE, language, Field.Store.YES));
        doc.add(new TextField(TITLE + language, a.title(), Field.Store.YES));
        doc.add(new TextField(TAGS + language, String.join(" ", a.tags()), Field.Store.NO));
        doc.add(new TextField(TEXT + language, WhatsAppText.fromMarkdown(a.text()), Field.Store.YES));
        if (a.link() != null) {
            doc.add(new StoredField(LINK, a.link()));
        }
        if (a.office() != null) {
            doc.add(new StoredField(OFFICE, a.office()));
        }
        doc.add(new LongPoint(FROM, a.validFrom() == null ? Long.MIN_VALUE : a.validFrom().toEpochDay()));
        doc.add(new LongPoint(UNTIL, a.validUntil() == null ? Long.MAX_VALUE : a.validUntil().toEpochDay()));
        return doc;
    }

    @Override
    public List<Hit> search(String question, LocalDate day, int max) {
        if (question == null || question.isBlank()) {
            return List.of();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search(searcher, question, day, max);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Hit> search(IndexSearcher searcher, String question, LocalDate day, int max) throws IOException {
        Map<String, List<Concept>> concepts = new HashMap<>();
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        String questionLanguage = QuestionLanguage.of(question);
        for (String language : KnowledgeAnalysis.LANGUAGES) {
            // an English question reaches the Italian articles through the lexicon
            boolean translated = "en".equals(questionLanguage) && "it".equals(language);
            List<Concept> list = translated ? translatedConcepts(searcher, question) : concepts(searcher, question, language);
            concepts.put(language, list);
            for (Concept c : list) {
                if (c.query != null) {
                    // articles in the question's language first; the other language's only when nothing else matches
                    any.add(language.equals(questionLanguage) ? c.query
                            : new BoostQuery(c.query, translated ? TRANSLATED : OTHER_LANGUAGE), BooleanClause.Occur.SHOULD);
                    clauses++;
                }
            }
        }
        if (clauses == 0) {
            return List.of();
        }
        long today = day.toEpochDay();
        Query query = new BooleanQuery.Builder()
                .add(any.build(), BooleanClause.Occur.MUST)
                .add(LongPoint.newRangeQuery(FROM, Long.MIN_VALUE, today), BooleanClause.Occur.FILTER)
                .add(LongPoint.newRangeQuery(UNTIL, today, Long.MAX_VALUE), BooleanClause.Occur.FILTER)
                .build();
        TopDocs top = searcher.search(query, max);
        Map<Query, Weight> weights = new HashMap<>();
        List<Hit> hits = new ArrayList<>();
        List<Integer> docIds = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            Document doc = searcher.storedFields().document(sd.doc);
            String language = doc.get(LANGUAGE);
            hits.add(new Hit(doc.get(SLUG), doc.get(TITLE + language), doc.get(LINK), doc.get(OFFICE), language, sd.score,
                    confidence(searcher, concepts.get(language), sd.doc, weights), doc.get(TEXT + language)));
            docIds.add(sd.doc);
        }
        // the article that explains the question best comes first (BM25 order among equals); only its passage is needed
        List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, hits.size()).boxed().toList());
        // an article in the citizen's own language wins over a translation match that explains the question about as well
        order.sort(java.util.Comparator.comparingDouble((Integer i) -> hits.get(i).confidence()
                - (hits.get(i).language().equals(questionLanguage) ? 0 : OTHER_LANGUAGE_MARGIN)).reversed());
        List<Hit> sorted = new ArrayList<>();
        for (int i : order) {
            Hit h = hits.get(i);
            String passage;
            if (sorted.isEmpty()) {
                UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                        .withFormatter(new PlainPassages()).withMaxNoHighlightPassages(0).withMaxLength(25_000)
                        .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.ITALIAN)).build();
                String field = TEXT + h.language();
                passage = passage(h.passage(), highlighter.highlightFields(new String[]{field}, query,
                        new int[]{docIds.get(i)}, new int[]{1}).get(field)[0]);
            } else {
                passage = lead(h.passage());
            }
            sorted.add(new Hit(h.slug(), h.title(), h.link(), h.office(), h.language(), h.score(), h.confidence(), passage));
        }
        return sorted;
    }

    /** The opening of the article (written to answer its main question) and the passage that matched best. */
    static String passage(String text, String best) {
        String lead = lead(text);
        if (best == null || best.isBlank() || lead.contains(best.strip()) || best.contains(lead)) {
            return best != null && best.contains(lead) ? best.strip() : lead;
        }
        return lead + "\n" + best.strip();
    }

    private static String lead(String text) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ITALIAN);
        sentences.setText(text);
        int end = sentences.next();
        if (end != BreakIterator.DONE && end < 80) {
            int next = sentences.next();
            end = next == BreakIterator.DONE ? end : next;
        }
        return (end == BreakIterator.DONE ? text : text.substring(0, end)).strip();
    }

    /**
     * The IDF-weighted share of the question's concepts the document explains. A concept found in the title or
     * tags counts fully, one found only in the text counts {@link #TEXT_CREDIT}; a concept the document lacks
     * weighs {@link #MISSING_WEIGHT} of its IDF, a word the knowledge base has never seen {@link #UNKNOWN_WEIGHT}
     * (citizens write words no article uses: they lower the confidence without ruling the answer out).
     * The constants were chosen on the sample evaluation set (bench/assistant-eval.sh --sweep).
     */
    private double confidence(IndexSearcher searcher, List<Concept> concepts, int doc, Map<Query, Weight> weights) throws IOException {
        double total = 0;
        double found = 0;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        int target = doc - leaf.docBase;
        for (Concept c : concepts) {
            if (c.query == null || !matches(searcher, c.query, leaf, target, weights)) {
                total += c.weight * (c.query == null || c.credit < 1 ? UNKNOWN_WEIGHT : MISSING_WEIGHT);
                continue;
            }
            total += c.weight;
            found += c.weight * c.credit * (matches(searcher, c.heading, leaf, target, weights) ? 1 : TEXT_CREDIT);
        }
        return total == 0 ? 0 : Math.min(1, found / total);
    }

    private static boolean matches(IndexSearcher searcher, Query query, LeafReaderContext leaf, int target, Map<Query, Weight> weights)
            throws IOException {
        Weight weight = weights.get(query);
        if (weight == null) {
            weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
            weights.put(query, weight);
        }
        Scorer scorer = weight.scorer(leaf);
        return scorer != null && scorer.iterator().advance(target) == target;
    }

    /** One thing the question asks about, with its alternatives, its weight (IDF) and the credit a match earns. */
    private static final class Concept {
        final Query query;
        final Query heading;
        final double weight;
        final double credit;

        Concept(Query query, Query heading, double weight, double credit) {
            this.query = query;
            this.heading = heading;
            this.weight = weight;
            this.credit = credit;
        }
    }

    private List<Concept> concepts(IndexSearcher searcher, String question, String language) throws IOException {
        List<String> terms = KnowledgeAnalysis.terms(KnowledgeAnalysis.forLanguage(language), question);
        SynonymGroups groups = synonyms.get(language);
        IndexReader reader = searcher.getIndexReader();
        int n = Math.max(1, reader.numDocs());
        List<Concept> concepts = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        int i = 0;
        while (i < terms.size()) {
            SynonymGroups.Match match = groups.longestAt(terms, i);
            Set<List<String>> alternatives = match.alternatives();
            List<String> phrase = match.phrase();
            int length = phrase.size();
            i += length;
            if (!seen.add(phrase)) {
                continue;
            }
            if (alternatives.isEmpty()) {
                alternatives = Set.of(phrase);
            }
            int df = 0;
            for (List<String> alternative : alternatives) {
                df = Math.max(df, docFreq(reader, language, alternative));
            }
            double credit = 1;
            Query query;
            if (df > 0) {
                query = conceptQuery(language, alternatives, null);
            } else if (fuzzy && length == 1 && alternatives.size() == 1 && phrase.get(0).length() >= 5) {
                FuzzyQuery probe = new FuzzyQuery(new Term(TEXT + language, phrase.get(0)), phrase.get(0).length() >= 8 ? 2 : 1, 1);
                Set<Term> expansions = new LinkedHashSet<>();
                searcher.rewrite(probe).visit(QueryVisitor.termCollector(expansions));
                query = expansions.isEmpty() ? null : conceptQuery(language, alternatives, phrase.get(0));
                credit = FUZZY_CREDIT;
            } else {
                query = null;
            }
            Query heading = query == null ? null : headingQuery(language, alternatives, credit < 1 ? phrase.get(0) : null);
            concepts.add(new Concept(query, heading, idf(df, n), credit));
        }
        return concepts;
    }

    /**
     * The concepts of an English question for the Italian articles: its longest phrases found in the lexicon bring
     * their Italian words (and those words' synonym groups); a word the lexicon lacks is looked up as it is (TARI,
     * IMU, ZTL and names read the same in both languages).
     */
    private List<Concept> translatedConcepts(IndexSearcher searcher, String question) throws IOException {
        List<String> terms = KnowledgeAnalysis.terms(KnowledgeAnalysis.ENGLISH, question);
        SynonymGroups italian = synonyms.get("it");
        IndexReader reader = searcher.getIndexReader();
        int n = Math.max(1, reader.numDocs());
        List<Concept> concepts = new ArrayList<>();
        Set<Set<List<String>>> seen = new HashSet<>();
        int i = 0;
        while (i < terms.size()) {
            SynonymGroups.Match match = lexicon.longestAt(terms, i);
            Set<List<String>> alternatives = match.alternatives();
            List<String> phrase = match.phrase();
            i += phrase.size();
            Set<List<String>> all = new LinkedHashSet<>(alternatives.isEmpty() ? Set.of(phrase) : alternatives);
            for (List<String> alternative : List.copyOf(all)) {
                all.addAll(italian.of(alternative));
            }
            if (!seen.add(all)) {
                continue;
            }
            int df = 0;
            for (List<String> alternative : all) {
                df = Math.max(df, docFreq(reader, "it", alternative));
            }
            Query query = df > 0 ? conceptQuery("it", all, null) : null;
            Query heading = query == null ? null : headingQuery("it", all, null);
            concepts.add(new Concept(query, heading, idf(df, n), 1));
        }
        return concepts;
    }

    private static int docFreq(IndexReader reader, String language, List<String> words) throws IOException {
        int df = Integer.MAX_VALUE;
        for (String word : words) {
            int f = Math.max(reader.docFreq(new Term(TEXT + language, word)), reader.docFreq(new Term(TITLE + language, word)));
            f = Math.max(f, reader.docFreq(new Term(TAGS + language, word)));
            df = Math.min(df, f);
        }
        return df == Integer.MAX_VALUE ? 0 : df;
    }

    private static double idf(int df, int n) {
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    /** Title counts double, tags one and a half, the text once; the best field wins (with a little of the others). */
    private static Query conceptQuery(String language, Set<List<String>> alternatives, String fuzzyTerm) {
        List<Query> fields = new ArrayList<>();
        fields.add(new BoostQuery(fieldQuery(TITLE + language, alternatives, fuzzyTerm), 2.0f));
        fields.add(new BoostQuery(fieldQuery(TAGS + language, alternatives, fuzzyTerm), 1.5f));
        fields.add(fieldQuery(TEXT + language, alternatives, fuzzyTerm));
        return new DisjunctionMaxQuery(fields, 0.3f);
    }

    private static Query headingQuery(String language, Set<List<String>> alternatives, String fuzzyTerm) {
        return new DisjunctionMaxQuery(List.of(fieldQuery(TITLE + language, alternatives, fuzzyTerm),
                fieldQuery(TAGS + language, alternatives, fuzzyTerm)), 0f);
    }

    private static Query fieldQuery(String field, Set<List<String>> alternatives, String fuzzyTerm) {
        if (fuzzyTerm != null) {
            return new FuzzyQuery(new Term(field, fuzzyTerm), fuzzyTerm.length() >= 8 ? 2 : 1, 1);
        }
        List<Query> options = new ArrayList<>();
        for (List<String> alternative : alternatives) {
            if (alternative.size() == 1) {
                options.add(new TermQuery(new Term(field, alternative.get(0))));
            } else {
                BooleanQuery.Builder all = new BooleanQuery.Builder();
                alternative.forEach(w -> all.add(new TermQuery(new Term(field, w)), BooleanClause.Occur.MUST));
                options.add(all.build());
            }
        }
        return options.size() == 1 ? options.get(0) : new DisjunctionMaxQuery(options, 0.1f);
    }

    /** The highlighter's best passage as plain text (the chat has no HTML). */
    private static final class PlainPassages extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            StringBuilder out = new StringBuilder();
            for (Passage p : passages) {
                out.append(content, p.getStartOffset(), p.getEndOffset());
            }
            return out.toString();
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }
}
