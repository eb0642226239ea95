package it.filodiretto.integration.assistant;

/**
 * Articles may be written in light Markdown; WhatsApp has its own marks. Headings lose their hashes,
 * {@code **bold**} becomes {@code *bold*}, {@code [text](link)} becomes "text (link)".
 */
final class WhatsAppText {

    private WhatsAppText() {
    }

    static String fromMarkdown(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll("(?m)^#{1,6}\\s*", "")
                .replaceAll("\\*\\*(.+?)\\*\\*", "*$1*")
                .replaceAll("__(.+?)__", "_$1_")
                .replaceAll("\\[([^\\]]+)]\\((https?://[^)\\s]+)\\)", "$1 ($2)")
                .replaceAll("\r\n", "\n");
    }
}
