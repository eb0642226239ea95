package it.filodiretto.web.campaign;

import it.filodiretto.domain.whatsapp.MessageTemplate;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a message as a phone shows it: HTML-escaped first (anything typed stays text), then WhatsApp's
 * formatting — {@code *bold*}, {@code _italic_}, {@code ~strike~}, {@code ```mono```} — and line breaks.
 */
public final class WhatsAppPreview {

    private static final Pattern MONO = Pattern.compile("```(.+?)```", Pattern.DOTALL);
    private static final Pattern BOLD = Pattern.compile("(?<![\\w*])\\*(?=\\S)([^*\\n]*?\\S)\\*(?![\\w*])");
    private static final Pattern ITALIC = Pattern.compile("(?<![\\w_])_(?=\\S)([^_\\n]*?\\S)_(?![\\w_])");
    private static final Pattern STRIKE = Pattern.compile("(?<![\\w~])~(?=\\S)([^~\\n]*?\\S)~(?![\\w~])");

    private WhatsAppPreview() {
    }

    public static String html(String text) {
        if (text == null) {
            return "";
        }
        String html = escape(text);
        html = replace(MONO, html, "<code>", "</code>");
        html = replace(BOLD, html, "<strong>", "</strong>");
        html = replace(ITALIC, html, "<em>", "</em>");
        html = replace(STRIKE, html, "<del>", "</del>");
        return html.replace("\n", "<br/>");
    }

    /** Header, body and footer of a template with its parameters, as HTML parts (null where absent). */
    public record Rendered(String header, String body, String footer, List<String> buttons, int bodyLength, String media,
            String linkButton, String link) {
    }

    public static Rendered render(MessageTemplate template, List<String> headerParameters, List<String> bodyParameters) {
        return render(template, headerParameters, bodyParameters, null, null);
    }

    /** With a media header's link (shown as its file name, never loaded) and the URL button's parameter. */
    public static Rendered render(MessageTemplate template, List<String> headerParameters, List<String> bodyParameters, String media,
            String link) {
        String body = MessageTemplate.render(template.bodyText(), bodyParameters);
        String header = template.headerText() == null ? null : MessageTemplate.render(template.headerText(), headerParameters);
        String file = null;
        if (template.hasMediaHeader()) {
            String name = media == null || media.isBlank() ? "…" : media.replaceAll("[?#].*$", "").replaceAll(".*/", "");
            file = (template.headerFormat() == MessageTemplate.HeaderFormat.IMAGE ? "🖼 " : "📄 ") + escape(name);
        }
        return new Rendered(header == null ? null : html(header), html(body),
                template.footerText() == null ? null : escape(template.footerText()),
                template.quickReplies().stream().map(WhatsAppPreview::escape).toList(), body.length(), file,
                template.urlButtonText() == null ? null : escape(template.urlButtonText()),
                template.urlButtonUrl() == null ? null : escape(template.link(link == null ? "" : link)));
    }

    private static String replace(Pattern pattern, String text, String open, String close) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(open + m.group(1) + close));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
