package it.filodiretto.integration.api;

import it.filodiretto.domain.assistant.ArticleDraft;
import it.filodiretto.domain.common.DomainException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * Reads knowledge-base files (format: docs/assistant.md): JSON (an array of articles, or an object with
 * {@code articles} and {@code synonyms}), CSV with a header row, one Markdown or HTML page per article, or a
 * ZIP of any of these (a folder of pages). Every problem is collected with its file and line, so the
 * editor sees them all at once and nothing is imported from a file with errors.
 */
public final class ArticleFiles {

    /** What a set of files holds; {@code problems} empty means everything can be imported. */
    public record Contents(List<ArticleDraft> articles, List<String> synonyms, List<Problem> problems) {
        public Contents {
            articles = List.copyOf(articles);
            synonyms = List.copyOf(synonyms);
            problems = List.copyOf(problems);
        }
    }

    /** A refused part of a file: the message key and arguments say why (in the staff's language). */
    public record Problem(String file, int line, String messageKey, List<Object> arguments) {
    }

    /** The most one import may hand to the parsers, all files and every nested ZIP's decompressed entries together. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    /** ZIPs inside ZIPs: a folder of pages needs none; a few levels are tolerated, a bomb's recursion is not. */
    static final int MAX_ZIP_DEPTH = 3;
    /** Entries across all ZIPs of one import (a city's site export has hundreds of pages). */
    static final int MAX_ENTRIES = 10_000;
    private static final Set<String> FIELDS = Set.of("slug", "title", "text", "link", "office", "tags", "language",
            "validfrom", "validuntil");

    private final List<ArticleDraft> articles = new ArrayList<>();
    private final List<String> synonyms = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    /** Decompressed bytes still allowed for this import: one budget for every nested ZIP, not a fresh one each. */
    private long budget = MAX_BYTES;
    private int entries;
    private boolean tooLarge;

    private ArticleFiles() {
    }

    public static Contents read(Map<String, byte[]> files) {
        ArticleFiles reader = new ArticleFiles();
        files.forEach(reader::file);
        Set<String> slugs = new LinkedHashSet<>();
        for (ArticleDraft a : reader.articles) {
            if (!slugs.add(a.slug())) {
                reader.problems.add(new Problem("", 0, "error.import.duplicateSlug", List.of(a.slug())));
            }
        }
        return new Contents(reader.articles, reader.synonyms, reader.problems);
    }

    public static Contents read(String name, byte[] content) {
        return read(Map.of(name, content));
    }

    private void file(String name, byte[] content) {
        file(name, content, 0);
    }

    private void file(String name, byte[] content, int depth) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean archive = lower.endsWith(".zip");
        if (content.length > MAX_BYTES || depth == 0 && !archive && content.length > budget) {
            refuseTooLarge(name);
            return;
        }
        if (depth == 0 && !archive) {
            budget -= content.length; // an archive's entries are counted as they are decompressed
        }
        if (archive) {
            if (depth >= MAX_ZIP_DEPTH) {
                problems.add(new Problem(name, 0, "error.import.nestedTooDeep", List.of(MAX_ZIP_DEPTH)));
            } else {
                zip(name, content, depth + 1);
            }
        } else if (lower.endsWith(".json")) {
            json(name, text(content));
        } else if (lower.endsWith(".csv")) {
            csv(name, text(content));
        } else if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            markdown(name, text(content));
        } else if (lower.endsWith(".html") || lower.endsWith(".htm")) {
            html(name, text(content));
        } else if (lower.endsWith(".txt") && lower.contains("synonym")) {
            synonyms.addAll(text(content).lines().toList());
        } else {
            problems.add(new Problem(name, 0, "error.import.unknownFormat", List.of()));
        }
    }

    private static String text(byte[] content) {
        String s = new String(content, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private void zip(String name, byte[] content, int depth) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null && !tooLarge) {
                String entryName = entry.getName();
                if (entry.isDirectory() || entryName.startsWith("__MACOSX") || entryName.contains("/.")) {
                    continue;
                }
                if (++entries > MAX_ENTRIES) {
                    problems.add(new Problem(name, 0, "error.import.tooManyFiles", List.of(MAX_ENTRIES)));
                    tooLarge = true;
                    return;
                }
                byte[] bytes = readLimited(zip, budget);
                if (bytes == null) {
                    refuseTooLarge(name);
                    return;
                }
                budget -= bytes.length;
                file(name + "/" + entryName, bytes, depth);
            }
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new Problem(name, 0, "error.import.badZip", List.of()));
        }
    }

    private void refuseTooLarge(String name) {
        if (!tooLarge) { // one problem, not one per nested archive on the way out
            problems.add(new Problem(name, 0, "error.import.tooLarge", List.of(MAX_BYTES / (1024 * 1024))));
        }
        tooLarge = true;
    }

    private static byte[] readLimited(InputStream in, long limit) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        return bytes.length > limit ? null : bytes;
    }

    private void json(String name, String text) {
        JsonValue root;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            root = reader.readValue();
        } catch (JsonParsingException e) {
            problems.add(new Problem(name, (int) e.getLocation().getLineNumber(), "error.import.badJson", List.of()));
            return;
        } catch (RuntimeException e) {
            problems.add(new Problem(name, 0, "error.import.badJson", List.of()));
            return;
        }
        JsonArray list;
        if (root.getValueType() == JsonValue.ValueType.ARRAY) {
            list = root.asJsonArray();
        } else if (root.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject object = root.asJsonObject();
            list = object.containsKey("articles") && object.get("articles").getValueType() == JsonValue.ValueType.ARRAY
                    ? object.getJsonArray("articles") : JsonValue.EMPTY_JSON_ARRAY;
            if (object.containsKey("synonyms") && object.get("synonyms").getValueType() == JsonValue.ValueType.ARRAY) {
                object.getJsonArray("synonyms").forEach(v -> synonyms.add(v instanceof JsonString s ? s.getString() : v.toString()));
            }
        } else {
            problems.add(new Problem(name, 0, "error.import.badJson", List.of()));
            return;
        }
        int position = 0;
        for (JsonValue value : list) {
            position++;
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                problems.add(new Problem(name, position, "error.import.notAnArticle", List.of()));
                continue;
            }
            JsonObject o = value.asJsonObject();
            String tags;
            JsonValue rawTags = o.get("tags");
            if (rawTags != null && rawTags.getValueType() == JsonValue.ValueType.ARRAY) {
                tags = String.join(",",
                        rawTags.asJsonArray().stream().map(v -> v instanceof JsonString s ? s.getString() : v.toString()).toList());
            } else {
                tags = string(o, "tags");
            }
            add(name, position, string(o, "slug"), string(o, "title"), string(o, "text"), string(o, "link"), string(o, "office"),
                    tags, string(o, "language"), string(o, "validFrom"), string(o, "validUntil"));
        }
    }

    private static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return v instanceof JsonString s ? s.getString() : v.toString();
    }

    private void csv(String name, String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String column : header.keySet()) {
                if (!FIELDS.contains(column.toLowerCase(Locale.ROOT).replace("_", ""))) {
                    problems.add(new Problem(name, 1, "error.import.unknownColumn", List.of(column)));
                    return;
                }
            }
            for (CSVRecord r : parser) {
                add(name, (int) r.getRecordNumber() + 1, column(r, "slug"), column(r, "title"), column(r, "text"), column(r, "link"),
                        column(r, "office"), column(r, "tags"), column(r, "language"), column(r, "validFrom"), column(r, "validUntil"));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(name, 0, "error.import.badCsv", List.of(String.valueOf(e.getMessage()))));
        }
    }

    private static String column(CSVRecord r, String field) {
        for (String column : r.getParser().getHeaderNames()) {
            if (column.replace("_", "").equalsIgnoreCase(field) && r.isSet(column)) {
                return r.get(column);
            }
        }
        return null;
    }

    /** Optional front matter ({@code ---} lines with {@code key: value}); else the first heading is the title. */
    private void markdown(String name, String text) {
        Map<String, String> meta = new java.util.HashMap<>();
        String body = text.replace("\r\n", "\n");
        if (body.startsWith("---\n")) {
            int end = body.indexOf("\n---", 4);
            if (end > 0) {
                for (String line : body.substring(4, end).split("\n")) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        meta.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT).replace("_", ""),
                                unquote(line.substring(colon + 1).strip()));
                    }
                }
                body = body.substring(body.indexOf('\n', end + 1) + 1);
            }
        }
        String title = meta.get("title");
        if (title == null) {
            for (String line : body.split("\n")) {
                if (line.startsWith("# ")) {
                    title = line.substring(2).strip();
                    body = body.replaceFirst("(?m)^# .*\\n?", "");
                    break;
                }
            }
        }
        add(name, 1, meta.getOrDefault("slug", baseName(name)), title, body, meta.get("link"), meta.get("office"), meta.get("tags"),
                meta.get("language"), meta.get("validfrom"), meta.get("validuntil"));
    }

    private static String unquote(String s) {
        return s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))
                ? s.substring(1, s.length() - 1) : s;
    }

    /** Title from {@code <h1>} or {@code <title>}, link from the canonical link, text from the main content. */
    private void html(String name, String text) {
        org.jsoup.nodes.Document doc = Jsoup.parse(text);
        Element h1 = doc.selectFirst("h1");
        String title = h1 != null ? h1.text() : doc.title();
        if (h1 != null) {
            h1.remove();
        }
        Element canonical = doc.selectFirst("link[rel=canonical]");
        Element main = doc.selectFirst("main, article");
        Element content = main != null ? main : doc.body();
        content.select("script, style, nav, header, footer").remove();
        StringBuilder body = new StringBuilder();
        for (Element block : content.select("p, li, h2, h3, h4, td")) {
            String t = block.text().strip();
            if (!t.isEmpty() && block.select("p, li").size() <= 1) { // select() includes the element itself
                body.append(block.tagName().equals("li") ? "- " : "").append(t).append('\n');
            }
        }
        String plain = body.length() > 0 ? body.toString() : content.text();
        Element office = doc.selectFirst("meta[name=office]");
        Element tags = doc.selectFirst("meta[name=keywords]");
        Element language = doc.selectFirst("html[lang]");
        add(name, 1, baseName(name), title, plain, canonical == null ? null : canonical.attr("href"),
                office == null ? null : office.attr("content"), tags == null ? null : tags.attr("content"),
                language == null ? null : language.attr("lang").split("-")[0], null, null);
    }

    private static String baseName(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return ArticleDraft.slugOf(dot > 0 ? file.substring(0, dot) : file);
    }

    private void add(String file, int line, String slug, String title, String text, String link, String office, String tags,
            String language, String validFrom, String validUntil) {
        try {
            Set<String> tagSet = tags == null ? Set.of()
                    : new LinkedHashSet<>(Arrays.asList(tags.split("[,;]")));
            articles.add(new ArticleDraft(slug, title, text, link, office, tagSet, language, date(validFrom), date(validUntil)));
        } catch (DomainException e) {
            problems.add(new Problem(file, line, e.messageKey(), List.of(e.arguments())));
        } catch (DateTimeParseException e) {
            problems.add(new Problem(file, line, "error.import.badDate", List.of(e.getParsedString())));
        }
    }

    private static LocalDate date(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
    }
}
