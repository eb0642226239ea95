package it.filodiretto.integration.assistant;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The analysis of articles and questions, per language. Italian: elision ("dell'anagrafe" → "anagrafe"),
 * lower case, accent folding (citizens type "perche", "citta"), Italian stop words plus the filler words of
 * chat questions ("ciao", "vorrei sapere", "grazie"), light stemming. English: possessives, stop words,
 * Porter stemming. Questions and articles go through the same chain, so they meet on the same terms.
 */
final class KnowledgeAnalysis {

    static final List<String> LANGUAGES = List.of("it", "en");

    private static final CharArraySet ARTICLES = new CharArraySet(List.of("c", "l", "all", "dall", "dell", "nell", "sull",
            "coll", "pell", "gl", "agl", "dagl", "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d", "po", "qual"), true);

    /** Words of chat questions that say nothing about the subject. */
    private static final List<String> ITALIAN_FILLERS = List.of("ciao", "salve", "buongiorno", "buonasera", "buonanotte", "grazie",
            "mille", "prego", "scusate", "scusa", "scusi", "cortesemente", "gentilmente", "favore", "vorrei", "volevo", "vorremmo",
            "sapere", "chiedere", "domanda", "info", "informazione", "informazioni", "posso", "possiamo", "puo", "possono",
            "potrei", "potete", "devo", "dobbiamo", "deve", "devono", "dovrei", "bisogna", "serve", "servono", "fare", "faccio",
            "fa", "si", "qualcuno", "sa", "sapete", "sai", "dire", "dite", "ditemi", "dirmi", "mi", "ci", "x", "cmq", "comunque",
            "ok", "quando", "dove", "come", "cosa", "che", "quale", "quali", "chi", "perche", "qualcosa", "ce", "c", "e", "ma",
            "aiuto", "aiutatemi", "help", "comune", "ho", "hai", "ha", "abbiamo", "avete", "hanno", "avere", "essere",
            "sono", "sta", "stato", "va", "vanno", "bene", "allora", "quindi", "anche", "gia", "ancora", "adesso", "ora", "oggi",
            "tutto", "tutti", "ecc", "etc", "tipo", "praticamente", "magari", "pure", "solo", "proprio", "molto", "tanto", "poi");
    private static final List<String> ENGLISH_FILLERS = List.of("hello", "hi", "please", "thanks", "thank", "how", "what", "where",
            "when", "which", "who", "can", "could", "do", "does", "i", "my", "me", "we", "our", "you", "need", "want", "would",
            "like", "know", "get", "tell", "should", "have", "has", "am", "city");

    private static final CharArraySet ITALIAN_STOP = stopSet(ItalianAnalyzer.getDefaultStopSet(), ITALIAN_FILLERS);
    private static final CharArraySet ENGLISH_STOP = stopSet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, ENGLISH_FILLERS);

    private KnowledgeAnalysis() {
    }

    private static CharArraySet stopSet(CharArraySet base, List<String> extra) {
        CharArraySet set = new CharArraySet(base.size() + extra.size(), true);
        for (Object word : base) {
            set.add(fold(new String((char[]) word)));
        }
        extra.forEach(set::add);
        return CharArraySet.unmodifiableSet(set);
    }

    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    static Analyzer forLanguage(String language) {
        return "en".equals(language) ? ENGLISH : ITALIAN;
    }

    static final Analyzer ITALIAN = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream result = new ElisionFilter(source, ARTICLES);
            result = new LowerCaseFilter(result);
            result = new ASCIIFoldingFilter(result);
            result = new StopFilter(result, ITALIAN_STOP);
            result = new ItalianLightStemFilter(result);
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(new ElisionFilter(in, ARTICLES)));
        }
    };

    static final Analyzer ENGLISH = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream result = new EnglishPossessiveFilter(source);
            result = new LowerCaseFilter(result);
            result = new ASCIIFoldingFilter(result);
            result = new StopFilter(result, ENGLISH_STOP);
            result = new PorterStemFilter(result);
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    };

    /** The terms a text becomes, in order. */
    static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
