package it.filodiretto.domain.assistant;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.common.DomainException;

import java.net.URI;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an editor (or an import) says an article is. Validated on construction: every import line and every
 * form goes through here, so a bad line is refused with a message key and never half-stored.
 * {@code slug} is the article's stable key (evaluation files and imports refer to it); when absent it is
 * derived from the title.
 */
public record ArticleDraft(String slug, String title, String text, String link, String office, Set<String> tags,
        String language, LocalDate validFrom, LocalDate validUntil) {

    public static final int MAX_TEXT = 20_000;
    public static final Set<String> LANGUAGES = Set.of("it", "en");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,119}");

    public ArticleDraft {
        title = trim(title);
        text = text == null ? null : text.strip();
        link = trim(link);
        office = trim(office);
        language = trim(language) == null ? "it" : language.strip().toLowerCase(Locale.ROOT);
        if (title == null) {
            throw new DomainException(DomainError.ARTICLE_TITLE_REQUIRED);
        }
        if (title.length() > 300) {
            throw new DomainException(DomainError.ARTICLE_TITLE_TOO_LONG, 300);
        }
        if (text == null || text.isEmpty()) {
            throw new DomainException(DomainError.ARTICLE_TEXT_REQUIRED);
        }
        if (text.length() > MAX_TEXT) {
            throw new DomainException(DomainError.ARTICLE_TEXT_TOO_LONG, MAX_TEXT);
        }
        slug = trim(slug) == null ? slugOf(title) : slug.strip();
        if (!SLUG.matcher(slug).matches()) {
            throw new DomainException(DomainError.ARTICLE_SLUG, slug);
        }
        if (link != null && !isWebLink(link)) {
            throw new DomainException(DomainError.ARTICLE_LINK, link);
        }
        if (office != null && office.length() > 500) {
            throw new DomainException(DomainError.ARTICLE_OFFICE_TOO_LONG, 500);
        }
        if (!LANGUAGES.contains(language)) {
            throw new DomainException(DomainError.ARTICLE_LANGUAGE, language);
        }
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            throw new DomainException(DomainError.ARTICLE_VALIDITY);
        }
        Set<String> clean = new LinkedHashSet<>();
        if (tags != null) {
            for (String tag : tags) {
                String t = trim(tag);
                if (t != null) {
                    clean.add(t.toLowerCase(Locale.ROOT));
                }
            }
        }
        if (String.join(",", clean).length() > 1000) {
            throw new DomainException(DomainError.ARTICLE_TAGS_TOO_LONG);
        }
        tags = java.util.Collections.unmodifiableSet(clean);
    }

    /** Tags in their given order. */
    public List<String> tagList() {
        return List.copyOf(tags);
    }

    /** "Raccolta della plastica: orari" → "raccolta-della-plastica-orari". */
    public static String slugOf(String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 100 ? slug.substring(0, 100).replaceAll("-+$", "") : slug;
    }

    private static boolean isWebLink(String link) {
        try {
            URI uri = URI.create(link);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && link.length() <= 1000;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
