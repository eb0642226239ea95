package it.filodiretto.domain.whatsapp;

import java.util.List;

/**
 * A message the city sends. Free-form kinds ({@link Text}, {@link Buttons}, {@link ListMenu}) are allowed
 * only inside the 24-hour window after the citizen's last message; broadcasts use {@link Template}.
 * {@code to} is an E.164 number ("+39...") or a WhatsApp id.
 */
public sealed interface OutboundMessage {

    String to();

    record Text(String to, String body) implements OutboundMessage {
    }

    /** An approved template with its parameters ({@code {{1}}}, {{2}}… in order). */
    /**
     * A template message. {@code headerMedia} (with {@code headerFormat} IMAGE or DOCUMENT) is the link of the
     * header's file; {@code linkParameter} the part of the URL button's link the message gives (button index
     * {@code linkButtonIndex}, after the quick replies).
     */
    record Template(String to, String name, String language, List<String> headerParameters,
            List<String> bodyParameters, List<String> buttonParameters, MessageTemplate.HeaderFormat headerFormat,
            String headerMedia, String linkParameter, int linkButtonIndex) implements OutboundMessage {
        public Template {
            headerParameters = headerParameters == null ? List.of() : List.copyOf(headerParameters);
            bodyParameters = bodyParameters == null ? List.of() : List.copyOf(bodyParameters);
            buttonParameters = buttonParameters == null ? List.of() : List.copyOf(buttonParameters);
            headerFormat = headerFormat == null ? MessageTemplate.HeaderFormat.TEXT : headerFormat;
        }

        public Template(String to, String name, String language, List<String> headerParameters, List<String> bodyParameters,
                List<String> buttonParameters) {
            this(to, name, language, headerParameters, bodyParameters, buttonParameters, null, null, null, 0);
        }
    }

    /**
     * Interactive reply buttons: Meta's limits (1 to 3 buttons, titles up to 20 characters, ids up to 256,
     * body up to 1,024) are kept here, so that a message the Cloud API would refuse is never built.
     */
    record Buttons(String to, String header, String body, String footer, List<Choice> buttons) implements OutboundMessage {
        public Buttons {
            buttons = List.copyOf(buttons);
            require(buttons.size() >= 1 && buttons.size() <= 3, "1 to 3 reply buttons");
            require(buttons.stream().map(Choice::id).distinct().count() == buttons.size(), "distinct button ids");
            buttons.forEach(b -> require(fits(b.title(), 20) && fits(b.id(), 256), "button title up to 20 characters, id up to 256"));
            require(fits(body, 1024), "body up to 1,024 characters");
        }
    }

    /**
     * Interactive list: one button (label up to 20 characters) opening 1 to 10 sections with at most 10 rows
     * in all (titles up to 24 characters, descriptions up to 72), as Meta accepts them.
     */
    record ListMenu(String to, String header, String body, String footer, String buttonLabel,
            List<Section> sections) implements OutboundMessage {
        public ListMenu {
            sections = List.copyOf(sections);
            require(fits(buttonLabel, 20), "list button label up to 20 characters");
            require(!sections.isEmpty() && sections.size() <= 10, "1 to 10 sections");
            List<Choice> rows = sections.stream().flatMap(s -> s.rows().stream()).toList();
            require(rows.size() <= 10 && sections.stream().noneMatch(s -> s.rows().isEmpty()), "rows in every section, at most 10 in all");
            rows.forEach(r -> require(fits(r.title(), 24) && fits(r.id(), 200)
                    && (r.description() == null || r.description().length() <= 72), "row title up to 24, description up to 72"));
            require(fits(body, 1024), "body up to 1,024 characters");
        }
    }

    private static boolean fits(String text, int max) {
        return text != null && !text.isBlank() && text.length() <= max;
    }

    private static void require(boolean condition, String limit) {
        if (!condition) {
            throw new IllegalArgumentException("WhatsApp would refuse this interactive message: " + limit);
        }
    }

    record Choice(String id, String title, String description) {
    }

    record Section(String title, List<Choice> rows) {
        public Section {
            rows = List.copyOf(rows);
        }
    }
}
