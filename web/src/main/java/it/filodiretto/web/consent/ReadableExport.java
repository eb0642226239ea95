package it.filodiretto.web.consent;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import it.filodiretto.web.i18n.Texts;

import java.util.Locale;
import java.util.Map;

/** A subscriber's data export as a plain, printable HTML page (every value escaped). */
final class ReadableExport {

    private ReadableExport() {
    }

    static String html(JsonObject export, Locale locale) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<title>" + escape(Texts.text(locale, "export.title"))
                + "</title><style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;}"
                + "table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;"
                + "vertical-align:top}</style></head><body><h1>" + escape(Texts.text(locale, "export.title")) + "</h1>");
        html.append("<p>").append(escape(Texts.text(locale, "export.exportedAt", export.getString("exportedAt", "")))).append("</p>");
        html.append("<h2>").append(escape(Texts.text(locale, "export.subscriber"))).append("</h2>")
                .append(table(export.getJsonObject("subscriber")));
        html.append("<h2>").append(escape(Texts.text(locale, "export.consents"))).append("</h2>");
        for (JsonValue c : export.getJsonArray("consents")) {
            html.append(table(c.asJsonObject()));
        }
        html.append("<h2>").append(escape(Texts.text(locale, "export.deliveries"))).append("</h2>");
        for (JsonValue d : export.getJsonArray("deliveries")) {
            html.append(table(d.asJsonObject()));
        }
        html.append("<h2>").append(escape(Texts.text(locale, "export.messages"))).append("</h2>");
        for (JsonValue m : export.getJsonArray("messages")) {
            html.append(table(m.asJsonObject()));
        }
        return html.append("</body></html>").toString();
    }

    private static String table(JsonObject object) {
        StringBuilder table = new StringBuilder("<table>");
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            String value = e.getValue().getValueType() == JsonValue.ValueType.STRING
                    ? object.getString(e.getKey()) : e.getValue().toString();
            table.append("<tr><th>").append(escape(e.getKey())).append("</th><td>").append(escape(value)).append("</td></tr>");
        }
        return table.append("</table>").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
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
