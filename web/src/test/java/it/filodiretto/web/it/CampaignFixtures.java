package it.filodiretto.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff users, subscribers and campaign calls shared by the campaign and dispatch tests. */
final class CampaignFixtures {

    static final String PASSWORD = "Campaign-pass-2026";
    private static final AtomicLong NEXT_ID = new AtomicLong(2_000_000_000L + new Random().nextInt(100_000_000));

    final StaffClient api;
    final Db db;
    final String editorName;
    final String editor;
    final String editor2;
    final String reviewer;
    final String both;
    final String emergency;
    final String privacyOfficer;

    CampaignFixtures(URI base, Db db) {
        this.api = new StaffClient(base);
        this.db = db;
        String suffix = String.valueOf(new Random().nextInt(1_000_000));
        editorName = "ed" + suffix;
        editor = user(editorName, "EDITOR");
        editor2 = user("edb" + suffix, "EDITOR");
        reviewer = user("rev" + suffix, "REVIEWER");
        both = user("edrev" + suffix, "EDITOR\",\"REVIEWER");
        emergency = user("pc" + suffix, "EMERGENCY");
        privacyOfficer = user("dpo" + suffix, "PRIVACY_OFFICER");
    }

    private String user(String username, String roles) {
        HttpResponse<String> created = api.sendJson("POST", "api/v1/staff", StaffClient.basic("admin", Deployments.adminPassword()),
                "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\""
                        + roles + "\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return StaffClient.basic(username, PASSWORD);
    }

    /** Active subscribers inserted directly, with increasing ids (the fan-out follows them in that order). */
    List<String> seedSubscribers(int count, String topics, String neighbourhoods) {
        List<String> phones = new ArrayList<>();
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement(
                        "insert into subscriber (id, phone, wa_id, state, language, topics, neighbourhoods, marketing_opt_out, created_at, updated_at, version)"
                                + " values (?, ?, ?, 'ACTIVE', 'it', ?, ?, false, ?, ?, 1)")) {
            for (int i = 0; i < count; i++) {
                long id = NEXT_ID.incrementAndGet();
                // the number follows the id: never twice in a run (random numbers met each other once in a while)
                String phone = "+39349" + String.format("%07d", id % 10_000_000);
                s.setLong(1, id);
                s.setString(2, phone);
                s.setString(3, phone.substring(1));
                s.setString(4, topics);
                s.setString(5, neighbourhoods);
                s.setObject(6, OffsetDateTime.now());
                s.setObject(7, OffsetDateTime.now());
                s.addBatch();
                phones.add(phone);
            }
            s.executeBatch();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return phones;
    }

    /** Drafts, submits, approves and sends at once a campaign with {@code token} in its text; returns its id. */
    long sendNow(String topic, String token) {
        HttpResponse<String> created = api.sendJson("POST", "api/v1/campaigns", editor,
                "{\"title\":\"" + token + "\",\"topics\":[\"" + topic + "\"],"
                        + "\"template\":\"avviso_protezione_civile\",\"bodyParameters\":[\"Prova " + token + "\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = StaffClient.object(created).getJsonNumber("id").longValue();
        assertThat(post(id, "submit", editor, null).statusCode()).isEqualTo(200);
        assertThat(post(id, "approve", reviewer, "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> now = post(id, "schedule", reviewer, "{}");
        assertThat(now.statusCode()).as(now.body()).isEqualTo(200);
        return id;
    }

    HttpResponse<String> post(long id, String action, String user, String body) {
        return api.sendJson("POST", "api/v1/campaigns/" + id + "/" + action, user, body == null ? "{}" : body);
    }

    String state(long id) {
        return StaffClient.object(api.get("api/v1/campaigns/" + id, reviewer)).getString("state");
    }

    JsonObject stats(long id) {
        return StaffClient.object(api.get("api/v1/campaigns/" + id + "/stats", reviewer));
    }

    /** Messages the sandbox delivered to that phone carrying the token. */
    long messagesTo(String phone, String token) {
        return db.scalar("select count(*) from sandbox_message where phone in ('" + phone + "', '" + phone.substring(1)
                + "') and coalesce(text, '') || coalesce(parameters, '') like '%" + token + "%'");
    }

    static String error(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        return Json.createReader(new StringReader(response.body())).readObject().getString("error");
    }
}
