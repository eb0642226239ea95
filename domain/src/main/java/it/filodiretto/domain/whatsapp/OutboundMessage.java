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

    /** Interactive reply buttons (at most 3). */
    record Buttons(String to, String header, String body, String footer, List<Choice> buttons) implements OutboundMessage {
        public Buttons {
            buttons = List.copyOf(buttons);
        }
    }

    /** Interactive list: one button opening sections of rows. */
    record ListMenu(String to, String header, String body, String footer, String buttonLabel,
                    List<Section> sections) implements OutboundMessage {
        public ListMenu {
            sections = List.copyOf(sections);
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
