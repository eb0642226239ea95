package it.filodiretto.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A citizen's phone on the sandbox: writes (signed webhooks through the sandbox) and reads what the city sent. */
final class SandboxPhone {

    /** How long a reply may take unless a test says otherwise. */
    static final Duration REPLY_TIME = Duration.ofSeconds(15);

    final String number;
    private final URI base;
    private final Db db;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A new random number starting with {@code prefix} (e.g. {@code +39348}; test classes keep to their own). */
    SandboxPhone(URI base, Db db, String prefix) {
        this.number = prefix + (1_000_000 + new Random().nextInt(8_999_999));
        this.base = base;
        this.db = db;
    }

    SandboxPhone(URI base, Db db) {
        this(base, db, "+39348");
    }

    /** The number without its '+', as WhatsApp writes it (wa_id). */
    String digits() {
        return number.substring(1);
    }

    void says(String text) throws Exception {
        act(action().add("text", text));
    }

    void reacts(String emoji) throws Exception {
        act(action().add("reaction", emoji));
    }

    void taps(String buttonId) throws Exception {
        act(action().add("buttonId", buttonId));
    }

    /** Taps a button whose title the phone reports too. */
    void taps(String buttonId, String title) throws Exception {
        act(action().add("buttonId", buttonId).add("title", title));
    }

    /** Picks a row of a list message. */
    void picks(String listId) throws Exception {
        act(action().add("listId", listId));
    }

    private JsonObjectBuilder action() {
        return Json.createObjectBuilder().add("from", number);
    }

    private void act(JsonObjectBuilder body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("sandbox/api/inbound"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.build().toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo("{\"status\":200}");
    }

    /** Every message the city sent to this phone, oldest first. */
    JsonArray received() throws Exception {
        return Json.createReader(new StringReader(get("sandbox/api/messages?to="))).readArray();
    }

    /** Status webhooks the sandbox has still to post about messages to this number. */
    long pendingStatuses() throws Exception {
        return Json.createReader(new StringReader(get("sandbox/api/pending-statuses?to="))).readObject().getInt("pending");
    }

    private String get(String pathAndParameter) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(pathAndParameter + URLEncoder.encode(number, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Waits until the phone has received {@code count} messages and no webhook of this number is unprocessed; returns the last. */
    JsonObject awaitMessage(int count) throws Exception {
        return awaitMessage(count, REPLY_TIME);
    }

    JsonObject awaitMessage(int count, Duration limit) throws Exception {
        JsonArray received = Waiting.atMost(limit).alias("messages received by " + number).until(this::received, r -> r.size() >= count);
        assertThat(received).as("messages received by " + number).hasSize(count);
        // replies leave before the transaction that processed the citizen's message commits: wait for it
        Waiting.atMost(REPLY_TIME).alias("webhooks of " + number + " processed").until(() -> unprocessedWebhooks() == 0);
        return received.getJsonObject(count - 1);
    }

    /** Waits until this number's webhooks are stored and processed (for messages that get no answer). */
    void awaitProcessed() {
        String digits = "%" + digits() + "%";
        Waiting.atMost(REPLY_TIME).alias("webhooks of " + number + " processed").until(() -> unprocessedWebhooks() == 0
                && db.scalar("select count(*) from webhook_event where body like ?", digits) > 0);
    }

    /** This number's webhooks not processed yet (other tests' leftovers are not this test's business). */
    long unprocessedWebhooks() {
        return db.scalar("select count(*) from webhook_event where processed_at is null and body like ?", "%" + digits() + "%");
    }
}
