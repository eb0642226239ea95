package it.filodiretto.domain.whatsapp;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.common.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WhatsApp message template as Meta approved it: name, language, category, status and its components
 * (optional text header, body, optional footer, quick-reply buttons). Parameters are {@code {{1}}},
 * {@code {{2}}}… in the header and body.
 */
@Entity
@Table(name = "message_template")
public class MessageTemplate implements Serializable {

    public enum Status { APPROVED, PENDING, REJECTED, PAUSED, DISABLED }

    public enum Source { CONSOLE, CLOUD_API }

    /** What the header shows: text (with parameters), or a media file whose link each message gives. */
    public enum HeaderFormat {
        TEXT, IMAGE, DOCUMENT
    }

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,512}");
    private static final Pattern PARAMETER = Pattern.compile("\\{\\{(\\d+)}}");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_template_seq")
    @SequenceGenerator(name = "message_template_seq", sequenceName = "message_template_seq", allocationSize = 10)
    private Long id;

    @Column(name = "name", nullable = false, length = 512)
    private String name;

    @Column(name = "language", nullable = false, length = 16)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false, length = 32)
    private MessageCategory category;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private Status status;

    @Column(name = "header_text", length = 60)
    private String headerText;

    @Column(name = "body_text", nullable = false, length = 1024)
    private String bodyText;

    @Column(name = "footer_text", length = 60)
    private String footerText;

    @Column(name = "quick_replies", length = 200)
    private String quickReplies;

    @Enumerated(EnumType.STRING)
    @Column(name = "header_format", nullable = false, length = 16)
    private HeaderFormat headerFormat = HeaderFormat.TEXT;

    @Column(name = "url_button_text", length = 25)
    private String urlButtonText;

    @Column(name = "url_button_url", length = 2000)
    private String urlButtonUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, length = 16)
    private Source source;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected MessageTemplate() {
        // JPA
    }

    public MessageTemplate(String name, String language, MessageCategory category, Status status, String headerText,
            String bodyText, String footerText, List<String> quickReplies, Source source, OffsetDateTime now) {
        String normalised = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(normalised).matches()) {
            throw new DomainException(DomainError.TEMPLATE_INVALID_NAME);
        }
        this.name = normalised;
        this.language = language == null || language.isBlank() ? "it" : language.strip();
        this.source = source;
        change(category, status, headerText, bodyText, footerText, quickReplies, now);
    }

    /** Meta no longer lists it (deleted there): nothing can be sent with it. */
    public void retire(OffsetDateTime now) {
        change(category, Status.DISABLED, headerText, bodyText, footerText, quickReplies(), now);
    }

    public final void change(MessageCategory category, Status status, String headerText, String bodyText,
            String footerText, List<String> quickReplies, OffsetDateTime now) {
        if (category == null || status == null) {
            throw new DomainException(DomainError.TEMPLATE_CATEGORY_AND_STATUS);
        }
        if (bodyText == null || bodyText.isBlank() || bodyText.length() > 1024) {
            throw new DomainException(DomainError.TEMPLATE_BODY);
        }
        if (headerText != null && headerText.length() > 60 || footerText != null && footerText.length() > 60) {
            throw new DomainException(DomainError.TEMPLATE_HEADER_FOOTER);
        }
        if (!numberedFromOne(headerText) || !numberedFromOne(bodyText)) {
            throw new DomainException(DomainError.TEMPLATE_PARAMETER_NUMBERS);
        }
        List<String> replies = quickReplies == null ? List.of()
                : quickReplies.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (replies.size() > 3 || replies.stream().anyMatch(r -> r.length() > 25 || r.contains("\n"))) {
            throw new DomainException(DomainError.TEMPLATE_BUTTONS);
        }
        this.category = category;
        this.status = status;
        this.headerText = blankToNull(headerText);
        this.bodyText = bodyText.strip();
        this.footerText = blankToNull(footerText);
        this.quickReplies = replies.isEmpty() ? null : String.join("\n", replies);
        this.updatedAt = now;
    }

    /**
     * The media header and the URL button (after the quick replies; its URL may end with {{1}}, the part
     * each message gives). A media header has no text.
     */
    public final void media(HeaderFormat format, String buttonText, String buttonUrl) {
        HeaderFormat f = format == null ? HeaderFormat.TEXT : format;
        if (f != HeaderFormat.TEXT && headerText != null) {
            throw new DomainException(DomainError.TEMPLATE_MEDIA_HEADER);
        }
        String text = blankToNull(buttonText);
        String url = blankToNull(buttonUrl);
        if ((text == null) != (url == null) || text != null && (text.length() > 25 || !url.matches("https://[^\\s{}]+(\\{\\{1}})?")
                || url.length() > 2000) || text != null && quickReplies().size() > 2) {
            throw new DomainException(DomainError.TEMPLATE_URL_BUTTON);
        }
        headerFormat = f;
        urlButtonText = text;
        urlButtonUrl = url;
    }

    /** WhatsApp numbers the parameters of each component {{1}}, {{2}}, … without gaps. */
    static boolean numberedFromOne(String text) {
        if (text == null) {
            return true;
        }
        Matcher m = PARAMETER.matcher(text);
        TreeSet<Integer> numbers = new TreeSet<>();
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        return numbers.isEmpty() || numbers.first() == 1 && numbers.last() == numbers.size();
    }

    /** Number of distinct {{n}} parameters in a text (0 for null). */
    public static int parameterCount(String text) {
        if (text == null) {
            return 0;
        }
        Matcher m = PARAMETER.matcher(text);
        TreeSet<Integer> numbers = new TreeSet<>();
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        return numbers.size();
    }

    /** The text with {{n}} replaced by the n-th parameter (missing ones stay visible as {{n}}). */
    public static String render(String text, List<String> parameters) {
        if (text == null) {
            return null;
        }
        Matcher m = PARAMETER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            String value = n >= 1 && n <= parameters.size() ? parameters.get(n - 1) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String language() {
        return language;
    }

    public MessageCategory category() {
        return category;
    }

    public Status status() {
        return status;
    }

    public boolean isApproved() {
        return status == Status.APPROVED;
    }

    public String headerText() {
        return headerText;
    }

    public String bodyText() {
        return bodyText;
    }

    public String footerText() {
        return footerText;
    }

    public List<String> quickReplies() {
        return quickReplies == null ? List.of() : new ArrayList<>(Arrays.asList(quickReplies.split("\n")));
    }

    public HeaderFormat headerFormat() {
        return headerFormat == null ? HeaderFormat.TEXT : headerFormat;
    }

    public boolean hasMediaHeader() {
        return headerFormat() != HeaderFormat.TEXT;
    }

    public String urlButtonText() {
        return urlButtonText;
    }

    public String urlButtonUrl() {
        return urlButtonUrl;
    }

    /** The URL button's link ends with {{1}}: each message gives that part. */
    public boolean needsLinkParameter() {
        return urlButtonUrl != null && urlButtonUrl.endsWith("{{1}}");
    }

    /** The button's link for a message (the template's URL with its {{1}} replaced). */
    public String link(String parameter) {
        return urlButtonUrl == null ? null : urlButtonUrl.replace("{{1}}", parameter == null ? "" : parameter);
    }

    public Source source() {
        return source;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public int headerParameterCount() {
        return parameterCount(headerText);
    }

    public int bodyParameterCount() {
        return parameterCount(bodyText);
    }

    public long version() {
        return version;
    }
}
