package it.filodiretto.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import javax.sql.DataSource;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A citizen's phone on the sandbox: writes (signed webhooks through the sandbox) and reads what the city sent. */
final class SandboxPhone {

    final String number;
    private final URI base;
    private final DataSource dataSource;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    SandboxPhone(URI base, DataSource dataSource) {
        this.number = "+39348" + (1_000_000 + new Random().nextInt(8_999_999));
        this.base = base;
        this.dataSource = dataSource;
    }

    void says(String text) throws Exception {
        act(Json.createObjectBuilder().add("from", number).add("text", text).build());
    }

    void reacts(String emoji) throws Exception {
        act(Json.createObjectBuilder().add("from", number).add("reaction", emoji).build());
    }

    void taps(String buttonId) throws Exception {
        act(Json.createObjectBuilder().add("from", number).add("buttonId", buttonId).build());
    }

    private void act(JsonObject body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("sandbox/api/inbound"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo("{\"status\":200}");
    }

    JsonArray received() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("sandbox/api/messages?to="
                + URLEncoder.encode(number, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    /** Waits until the phone has received {@code count} messages and the webhook that caused them is processed; returns the last. */
    JsonObject awaitMessage(int count) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        JsonArray received = received();
        while (received.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(150);
            received = received();
        }
        assertThat(received).as("messages received by " + number).hasSize(count);
        awaitProcessed();
        return received.getJsonObject(count - 1);
    }

    /** Waits until every webhook carrying this number has been processed (for messages that get no answer). */
    void awaitProcessed() throws Exception {
        String digits = "%" + number.substring(1) + "%";
        long deadline = System.currentTimeMillis() + 15_000;
        while (scalar("select count(*) from webhook_event where processed_at is null and body like ?", digits) > 0
                || scalar("select count(*) from webhook_event where body like ?", digits) == 0) {
            assertThat(System.currentTimeMillis()).as("webhooks of " + number + " processed").isLessThan(deadline);
            Thread.sleep(150);
        }
    }

    long scalar(String sql, Object parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setObject(1, parameter);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : -1;
            }
        }
    }

    String text(String sql, Object parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
