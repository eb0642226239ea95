package it.filodiretto.web.console;

import jakarta.json.JsonStructure;
import jakarta.json.stream.JsonGenerator;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static it.filodiretto.domain.common.Jsons.JSON;

/** Files the console offers for download, and JSON indented for reading. */
public final class Downloads {

    private Downloads() {
    }

    public static String pretty(JsonStructure json) {
        StringWriter out = new StringWriter();
        JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out).write(json);
        return out.toString().strip();
    }

    public static StreamedContent json(JsonStructure json, String fileName) {
        return file(pretty(json), fileName, "application/json");
    }

    public static StreamedContent text(String text, String fileName) {
        return file(text, fileName, "text/plain; charset=UTF-8");
    }

    public static StreamedContent html(String html, String fileName) {
        return file(html, fileName, "text/html; charset=UTF-8");
    }

    private static StreamedContent file(String content, String fileName, String contentType) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return DefaultStreamedContent.builder().name(fileName).contentType(contentType)
                .stream(() -> new ByteArrayInputStream(bytes)).build();
    }
}
