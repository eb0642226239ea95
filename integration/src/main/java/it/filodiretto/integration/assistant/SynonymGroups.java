package it.filodiretto.integration.assistant;

import org.apache.lucene.analysis.Analyzer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The staff's synonym list, in the Solr format every search engineer knows: {@code tari, tassa rifiuti,
 * tassa spazzatura} (equivalent words or phrases) or {@code cie => carta identita elettronica} (the left side
 * also searches the right). Each entry is analysed like questions and articles (so "Tassa sui rifiuti" and
 * "tasse rifiuti" meet), then a question's longest phrase found in the list brings its whole group.
 */
final class SynonymGroups {

    static final int MAX_PHRASE = 4;

    private final Map<List<String>, Set<List<String>>> alternatives;

    private SynonymGroups(Map<List<String>, Set<List<String>>> alternatives) {
        this.alternatives = alternatives;
    }

    static SynonymGroups empty() {
        return new SynonymGroups(Map.of());
    }

    /** @throws IllegalArgumentException naming the first line that cannot be used */
    static SynonymGroups parse(List<String> lines, Analyzer analyzer) {
        Map<List<String>, Set<List<String>>> map = new HashMap<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw == null ? "" : raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] sides = line.split("=>", -1);
            if (sides.length > 2) {
                throw new IllegalArgumentException("line " + number + ": more than one '=>': " + line);
            }
            List<List<String>> left = phrases(sides[0], analyzer, number, line);
            List<List<String>> right = sides.length == 2 ? phrases(sides[1], analyzer, number, line) : left;
            if (left.size() + (sides.length == 2 ? right.size() : 0) < 2) {
                throw new IllegalArgumentException("line " + number + ": a group needs at least two entries: " + line);
            }
            for (List<String> phrase : left) {
                Set<List<String>> group = map.computeIfAbsent(phrase, p -> new LinkedHashSet<>(List.of(p)));
                group.addAll(right);
            }
        }
        return frozen(map);
    }

    /**
     * A bilingual lexicon, {@code parking fine, traffic fine => multa, sanzione}: the left side in the question's
     * language ({@code from}), the right side in the articles' ({@code to}); an entry that says nothing once analysed
     * (only stop words, or too long) is left out rather than refused, and those entries are returned in {@code skipped}.
     */
    static SynonymGroups lexicon(List<String> lines, Analyzer from, Analyzer to, List<String> skipped) {
        Map<List<String>, Set<List<String>>> map = new HashMap<>();
        for (String raw : lines) {
            String line = raw == null ? "" : raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] sides = line.split("=>", -1);
            if (sides.length != 2) {
                skipped.add(line);
                continue;
            }
            List<List<String>> right = lenientPhrases(sides[1], to, skipped);
            if (right.isEmpty()) {
                skipped.add(line);
                continue;
            }
            for (List<String> phrase : lenientPhrases(sides[0], from, skipped)) {
                map.computeIfAbsent(phrase, p -> new LinkedHashSet<>()).addAll(right);
            }
        }
        return frozen(map);
    }

    private static List<List<String>> lenientPhrases(String side, Analyzer analyzer, List<String> skipped) {
        List<List<String>> phrases = new ArrayList<>();
        for (String entry : side.split(",")) {
            List<String> terms = entry.isBlank() ? List.of() : KnowledgeAnalysis.terms(analyzer, entry);
            if (terms.isEmpty() || terms.size() > MAX_PHRASE) {
                if (!entry.isBlank()) {
                    skipped.add(entry.strip());
                }
                continue;
            }
            phrases.add(terms);
        }
        return phrases;
    }

    private static SynonymGroups frozen(Map<List<String>, Set<List<String>>> map) {
        Map<List<String>, Set<List<String>>> frozen = new HashMap<>();
        map.forEach((k, v) -> frozen.put(List.copyOf(k), Collections.unmodifiableSet(v)));
        return new SynonymGroups(frozen);
    }

    private static List<List<String>> phrases(String side, Analyzer analyzer, int number, String line) {
        List<List<String>> phrases = new ArrayList<>();
        for (String entry : side.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            List<String> terms = KnowledgeAnalysis.terms(analyzer, entry);
            if (terms.isEmpty()) {
                throw new IllegalArgumentException("line " + number + ": '" + entry.strip() + "' is only stop words: " + line);
            }
            if (terms.size() > MAX_PHRASE) {
                throw new IllegalArgumentException("line " + number + ": '" + entry.strip() + "' is longer than " + MAX_PHRASE + " words");
            }
            phrases.add(terms);
        }
        return phrases;
    }

    /** The phrase that starts at a question's term, and its group (empty when the list does not know it: then one term). */
    record Match(List<String> phrase, Set<List<String>> alternatives) {
    }

    /** The longest phrase starting at {@code start} that the list knows, or the term alone. */
    Match longestAt(List<String> terms, int start) {
        for (int len = Math.min(MAX_PHRASE, terms.size() - start); len >= 1; len--) {
            Set<List<String>> group = of(terms.subList(start, start + len));
            if (!group.isEmpty()) {
                return new Match(List.copyOf(terms.subList(start, start + len)), group);
            }
        }
        return new Match(List.of(terms.get(start)), Set.of());
    }

    /** The group of the phrase, or empty. */
    Set<List<String>> of(List<String> phrase) {
        return alternatives.getOrDefault(phrase, Set.of());
    }

    boolean isEmpty() {
        return alternatives.isEmpty();
    }
}
