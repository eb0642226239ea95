package it.filodiretto.web.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campaign workflow through the REST API with several users, as the city's systems would drive it:
 * draft, change request, fix, approval, schedule, start on time, statistics filled by the sandbox's statuses;
 * the emergency fast lane; the refusals.
 */
@ExtendWith(ArquillianExtension.class)
class CampaignIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(CampaignIT.class, CampaignFixtures.class);
    }

    @ArquillianResource
    URL base;

    private final Db db = new Db();

    private CampaignFixtures f;
    private StaffClient api;
    private String editor;
    private String editorName;
    private String editor2;
    private String reviewer;
    private String both;
    private String emergency;

    @BeforeEach
    void staff() {
        f = new CampaignFixtures(URI.create(base.toString()), db);
        api = f.api;
        editor = f.editor;
        editorName = f.editorName;
        editor2 = f.editor2;
        reviewer = f.reviewer;
        both = f.both;
        emergency = f.emergency;
    }

    @Test
    void draftChangeRequestFixApprovalScheduleAndLiveStatistics() throws Exception {
        List<String> phones = seedSubscribers(12, "deadlines", "");
        seedSubscribers(3, "weather", ""); // other topic: not in the audience
        String token = "T" + System.nanoTime();
        String draft = "{\"title\":\"TARI " + token + "\",\"topics\":[\"deadlines\"],\"template\":\"avviso_comune\",\"language\":\"it\","
                + "\"headerParameters\":[\"Scadenza TARI\"],\"bodyParameters\":[\"La rata scade il 16 dicembre " + token
                + "\",\"https://comune.example/tari\"]}";
        HttpResponse<String> created = api.sendJson("POST", "api/v1/campaigns", editor, draft);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).isPresent();
        JsonObject campaign = StaffClient.object(created);
        long id = campaign.getJsonNumber("id").longValue();
        assertThat(campaign.getString("state")).isEqualTo("DRAFT");

        long expected = db.scalar("select count(*) from subscriber where state = 'ACTIVE' and (',' || topics || ',') like '%,deadlines,%'");
        JsonObject audience = StaffClient.object(api.get("api/v1/campaigns/audience?topics=deadlines&template=avviso_comune", editor));
        assertThat(audience.getJsonNumber("count").longValue()).isEqualTo(expected).isGreaterThanOrEqualTo(12);

        // two editors: the second, working on an old version, gets a clear conflict
        long version = campaign.getJsonNumber("version").longValue();
        String fixed = draft.replace("16 dicembre", "16 dicembre 2026");
        assertThat(put(id, editor, fixed, version).statusCode()).isEqualTo(200);
        HttpResponse<String> stale = put(id, editor2, draft, version);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(StaffClient.object(stale).getString("error")).isEqualTo("stale_version");

        assertThat(post(id, "submit", editor, null).statusCode()).isEqualTo(200);
        assertThat(post(id, "approve", editor, "{}").statusCode()).as("an editor is no reviewer").isEqualTo(403);
        HttpResponse<String> noComment = post(id, "request-changes", reviewer, "{}");
        assertThat(noComment.statusCode()).isEqualTo(400);
        assertThat(StaffClient.object(noComment).getString("error")).isEqualTo("comment_required");
        assertThat(post(id, "request-changes", reviewer, "{\"comment\":\"Aggiungi l'anno <b>\"}").statusCode()).isEqualTo(200);
        assertThat(state(id)).isEqualTo("CHANGES_REQUESTED");

        JsonObject current = StaffClient.object(api.get("api/v1/campaigns/" + id, editor));
        assertThat(put(id, editor, fixed.replace("La rata", "La seconda rata"), current.getJsonNumber("version").longValue()).statusCode())
                .isEqualTo(200);
        assertThat(post(id, "submit", editor, null).statusCode()).isEqualTo(200);
        HttpResponse<String> approved = post(id, "approve", reviewer, "{\"comment\":\"ok\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(StaffClient.object(approved).getString("contentHash")).hasSize(64);
        current = StaffClient.object(api.get("api/v1/campaigns/" + id, editor));
        HttpResponse<String> frozen = put(id, editor, fixed, current.getJsonNumber("version").longValue());
        assertThat(frozen.statusCode()).as("approval froze the content").isEqualTo(409);
        assertThat(StaffClient.object(frozen).getString("error")).isEqualTo("not_editable");

        assertThat(post(id, "schedule", reviewer, "{\"at\":\"" + OffsetDateTime.now().minusMinutes(1) + "\"}").statusCode())
                .as("a past time").isEqualTo(400);
        OffsetDateTime at = OffsetDateTime.now().plusSeconds(4);
        HttpResponse<String> scheduled = post(id, "schedule", reviewer, "{\"at\":\"" + at + "\"}");
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(200);
        assertThat(state(id)).isEqualTo("SCHEDULED");
        assertThat(StaffClient.object(api.get("api/v1/campaigns/" + id + "/stats", reviewer)).getJsonNumber("total").longValue()).isZero();

        // it starts on time (the clock ticks every 5 s) and the statistics fill as the sandbox reports statuses
        Waiting.atMost(ofSeconds(20)).until(() -> !state(id).equals("SCHEDULED"));
        JsonObject started = StaffClient.object(api.get("api/v1/campaigns/" + id, reviewer));
        assertThat(OffsetDateTime.parse(started.getString("startedAt"))).isAfterOrEqualTo(at.minusSeconds(1)).isBefore(at.plusSeconds(12));
        Waiting.atMost(ofSeconds(30)).until(() -> state(id).equals("SENT"));
        Waiting.atMost(ofSeconds(30)).until(() -> stats(id).getJsonNumber("read").longValue() == expected);
        JsonObject stats = stats(id);
        assertThat(stats.getJsonNumber("total").longValue()).isEqualTo(expected);
        assertThat(stats.getJsonNumber("failed").longValue()).isZero();

        // exactly one message per recipient, with the approved text
        for (String phone : phones) {
            assertThat(f.messagesTo(phone, token))
                    .as("messages to " + phone).isEqualTo(1);
        }
        long someone = db.scalar("select id from subscriber where phone = '" + phones.get(0) + "'");
        JsonObject export = StaffClient.object(api.get("api/v1/consents/subscribers/" + someone + "/export", f.privacyOfficer));
        assertThat(export.getJsonArray("deliveries").getJsonObject(0).getJsonNumber("campaign").longValue())
                .as("the access export lists it").isEqualTo(id);
        assertThat(export.getJsonArray("deliveries").getJsonObject(0).getString("state")).isEqualTo("READ");
        JsonArray history = StaffClient.object(api.get("api/v1/campaigns/" + id, reviewer)).getJsonArray("history");
        assertThat(history.stream().map(v -> v.asJsonObject().getString("kind")))
                .containsSubsequence("CREATED", "SUBMITTED", "CHANGES_REQUESTED", "EDITED", "SUBMITTED", "APPROVED", "SCHEDULED", "STARTED",
                        "SENT");
        assertThat(history.stream().filter(v -> v.asJsonObject().getString("kind").equals("CHANGES_REQUESTED"))
                .findFirst().orElseThrow().asJsonObject().getString("comment")).isEqualTo("Aggiungi l'anno <b>");
        assertThat(db.scalar("select count(*) from audit_event where target_type = 'campaign' and target_id = '" + id + "'"))
                .isGreaterThanOrEqualTo(9);
        HttpResponse<String> late = post(id, "cancel", reviewer, "{}");
        assertThat(late.statusCode()).as("cancelling after sending").isEqualTo(409);
        assertThat(StaffClient.object(late).getString("error")).isEqualTo("transition_not_allowed");
    }

    @Test
    void nobodyApprovesTheirOwnCampaign() {
        String body = "{\"title\":\"Own\",\"topics\":[\"deadlines\"],\"template\":\"scadenza\",\"bodyParameters\":[\"IMU\",\"16/12\",\"Paga online\"]}";
        seedSubscribers(1, "deadlines", "");
        long id = StaffClient.object(api.sendJson("POST", "api/v1/campaigns", both, body)).getJsonNumber("id").longValue();
        assertThat(StaffClient.json(api.get("api/v1/campaigns?topic=deadlines", reviewer)).asJsonArray().stream()
                .map(v -> v.asJsonObject().getJsonNumber("id").longValue())).as("the list filters by topic").contains(id);
        assertThat(StaffClient.json(api.get("api/v1/campaigns?topic=weather", reviewer)).asJsonArray().stream()
                .map(v -> v.asJsonObject().getJsonNumber("id").longValue())).doesNotContain(id);
        assertThat(post(id, "submit", both, null).statusCode()).isEqualTo(200);
        HttpResponse<String> own = post(id, "approve", both, "{\"comment\":\"mine\"}");
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(StaffClient.object(own).getString("error")).isEqualTo("four_eyes");
        assertThat(post(id, "approve", reviewer, "{}").statusCode()).isEqualTo(200);
        assertThat(post(id, "cancel", editor, "{}").statusCode()).as("another editor may not cancel it").isEqualTo(403);
        assertThat(post(id, "cancel", both, "{\"comment\":\"not needed\"}").statusCode()).as("its author may").isEqualTo(200);
    }

    @Test
    void badInputGetsAClearRefusal() {
        seedSubscribers(1, "deadlines", "");
        HttpResponse<String> noTitle = api.sendJson("POST", "api/v1/campaigns", editor,
                "{\"title\":\" \",\"topics\":[\"deadlines\"],\"template\":\"scadenza\"}");
        assertThat(noTitle.statusCode()).isEqualTo(400);
        assertThat(StaffClient.object(noTitle).getString("error")).isEqualTo("title_required");
        assertThat(StaffClient.object(noTitle).getString("message")).isNotBlank();
        assertThat(error(api.sendJson("POST", "api/v1/campaigns", editor, "{\"title\":\"" + "x".repeat(201)
                + "\",\"topics\":[\"deadlines\"],\"template\":\"scadenza\"}"))).isEqualTo("title_too_long");
        assertThat(error(api.sendJson("POST", "api/v1/campaigns", editor, "{\"title\":\"t\",\"topics\":[],\"template\":\"scadenza\"}")))
                .isEqualTo("no_topic");
        assertThat(error(
                api.sendJson("POST", "api/v1/campaigns", editor, "{\"title\":\"t\",\"topics\":[\"gossip\"],\"template\":\"scadenza\"}")))
                .isEqualTo("unknown_topic");
        assertThat(error(
                api.sendJson("POST", "api/v1/campaigns", editor, "{\"title\":\"t\",\"topics\":[\"deadlines\"],\"template\":\"scadenza\","
                        + "\"scheduledAt\":\"2020-01-01T10:00:00+01:00\"}")))
                .isEqualTo("schedule_in_past");
        assertThat(error(
                api.sendJson("POST", "api/v1/campaigns", editor, "{\"title\":\"t\",\"topics\":[\"deadlines\"],\"template\":\"scadenza\","
                        + "\"scheduledAt\":\"tomorrow\"}")))
                .isEqualTo("invalid_time");
        assertThat(error(api.sendJson("POST", "api/v1/campaigns", editor, "{\"title\":"))).isEqualTo("malformed_json");
        assertThat(
                api.sendJson("POST", "api/v1/campaigns", reviewer, "{\"title\":\"t\",\"topics\":[\"deadlines\"],\"template\":\"scadenza\"}")
                        .statusCode())
                .as("only editors write drafts").isEqualTo(403);
        assertThat(api.get("api/v1/campaigns/999999999", editor).statusCode()).isEqualTo(404);

        // checks at submission: the template and its parameters
        String xss = "<script>alert(1)</script>";
        long unknown = StaffClient.object(api.sendJson("POST", "api/v1/campaigns", editor,
                "{\"title\":\"" + xss + "\",\"topics\":[\"deadlines\"],\"template\":\"nessuno\"}")).getJsonNumber("id").longValue();
        assertThat(error(post(unknown, "submit", editor, null))).isEqualTo("unknown_template");
        assertThat(StaffClient.object(api.get("api/v1/campaigns/" + unknown, editor)).getString("title")).as("stored as written")
                .isEqualTo(xss);
        long xssBody = StaffClient
                .object(api.sendJson("POST", "api/v1/campaigns", editor, "{\"title\":\"" + xss + "\",\"topics\":[\"deadlines\"],"
                        + "\"template\":\"scadenza\",\"bodyParameters\":[\"_IMU_ <img src=x onerror=alert(1)>\",\"16/12\",\"x\"]}"))
                .getJsonNumber("id").longValue();
        StaffClient browser = new StaffClient(URI.create(base.toString()));
        assertThat(browser.formLogin(editorName, CampaignFixtures.PASSWORD).statusCode()).isEqualTo(302);
        for (String page : List.of("console/campaigns/view.xhtml?id=" + xssBody, "console/campaigns/edit.xhtml?id=" + xssBody,
                "console/campaigns/list.xhtml")) {
            HttpResponse<String> html = browser.get(page, null);
            assertThat(html.statusCode()).as(page).isEqualTo(200);
            assertThat(html.body()).as(page + " escapes what was typed").doesNotContain(xss).doesNotContain("<img src=x")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
        assertThat(browser.get("console/campaigns/view.xhtml?id=" + xssBody, null).body()).as("the phone preview formats and escapes")
                .contains("<strong><em>IMU</em> &lt;img src=x onerror=alert(1)&gt;</strong>");
        long missing = StaffClient.object(api.sendJson("POST", "api/v1/campaigns", editor,
                "{\"title\":\"t\",\"topics\":[\"deadlines\"],\"template\":\"scadenza\",\"bodyParameters\":[\"IMU\"]}")).getJsonNumber("id")
                .longValue();
        assertThat(error(post(missing, "submit", editor, null))).isEqualTo("body_parameter_count");
        long newline = StaffClient.object(api.sendJson("POST", "api/v1/campaigns", editor,
                "{\"title\":\"t\",\"topics\":[\"deadlines\"],\"template\":\"scadenza\",\"bodyParameters\":[\"IMU\",\"16/12\",\"a\\nb\"]}"))
                .getJsonNumber("id").longValue();
        assertThat(error(post(newline, "submit", editor, null))).isEqualTo("parameter_format");
        assertThat(state(missing)).as("a refused submission changes nothing").isEqualTo("DRAFT");
        assertThat(error(post(missing, "approve", reviewer, "{\"comment\":\"x\"}"))).as("not in review")
                .isEqualTo("transition_not_allowed");
    }

    @Test
    void anEmergencyAlertGoesOutWithoutReviewAndWaitsForAReviewAfterwards() throws Exception {
        List<String> phones = seedSubscribers(5, "emergencies", "");
        String token = "E" + System.nanoTime();
        String alert = "{\"template\":\"avviso_protezione_civile\",\"bodyParameters\":[\"Esondazione Olona " + token
                + ": evitare i sottopassi\"]";
        HttpResponse<String> noReason = api.sendJson("POST", "api/v1/emergencies", emergency, alert + "}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(StaffClient.object(noReason).getString("error")).isEqualTo("reason_required");
        assertThat(error(api.sendJson("POST", "api/v1/emergencies", emergency,
                "{\"template\":\"eventi_in_citta\",\"bodyParameters\":[\"a\",\"b\"],\"reason\":\"r\"}")))
                .isEqualTo("not_an_alert_template");
        assertThat(api.sendJson("POST", "api/v1/emergencies", editor, alert + ",\"reason\":\"x\"}").statusCode())
                .as("only civil protection").isEqualTo(403);

        HttpResponse<String> sent = api.sendJson("POST", "api/v1/emergencies", emergency, alert + ",\"reason\":\"Allerta rossa ARPA\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        JsonObject campaign = StaffClient.object(sent);
        long id = campaign.getJsonNumber("id").longValue();
        assertThat(campaign.getString("state")).isEqualTo("SENDING");
        assertThat(campaign.getString("priority")).isEqualTo("EMERGENCY");
        assertThat(campaign.getString("expiresAt")).isNotEmpty();
        Waiting.atMost(ofSeconds(20)).until(() -> state(id).equals("SENT"));
        for (String phone : phones) {
            assertThat(f.messagesTo(phone, token)).isEqualTo(1);
        }
        JsonArray queue = StaffClient.json(api.get("api/v1/campaigns/post-hoc-queue", reviewer)).asJsonArray();
        assertThat(queue.stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue())).contains(id);
        assertThat(db.scalar("select count(*) from audit_event where action = 'EMERGENCY_SENT' and target_id = '" + id + "'")).isEqualTo(1);
        assertThat(post(id, "post-hoc-review", reviewer, "{\"comment\":\"corretto\"}").statusCode()).isEqualTo(200);
        queue = StaffClient.json(api.get("api/v1/campaigns/post-hoc-queue", reviewer)).asJsonArray();
        assertThat(queue.stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue())).doesNotContain(id);
    }

    @Test
    void aCampaignWithAnImageHeaderAndALinkButtonReachesThePhone() throws Exception {
        List<String> phones = seedSubscribers(2, "initiatives", "");
        String token = "I" + System.nanoTime();
        long image = StaffClient
                .object(api.sendJson("POST", "api/v1/campaigns", editor, "{\"title\":\"Festa " + token + "\",\"topics\":[\"initiatives\"],"
                        + "\"template\":\"avviso_con_immagine\",\"bodyParameters\":[\"Festa di quartiere\",\"Sabato in piazza " + token
                        + "\"]}"))
                .getJsonNumber("id").longValue();
        assertThat(error(post(image, "submit", editor, null))).as("the image is missing").isEqualTo("header_media_required");
        JsonObject current = StaffClient.object(api.get("api/v1/campaigns/" + image, editor));
        assertThat(put(image, editor,
                "{\"title\":\"Festa " + token + "\",\"topics\":[\"initiatives\"],\"template\":\"avviso_con_immagine\","
                        + "\"bodyParameters\":[\"Festa di quartiere\",\"Sabato in piazza " + token
                        + "\"],\"headerMedia\":\"https://comune.example/festa.jpg\"}",
                current.getJsonNumber("version").longValue()).statusCode()).isEqualTo(200);
        assertThat(post(image, "submit", editor, null).statusCode()).isEqualTo(200);
        assertThat(post(image, "approve", reviewer, "{}").statusCode()).isEqualTo(200);
        assertThat(post(image, "schedule", reviewer, "{}").statusCode()).isEqualTo(200);

        JsonObject linkedCampaign = StaffClient
                .object(api.sendJson("POST", "api/v1/campaigns", editor, "{\"title\":\"Link " + token + "\",\"topics\":[\"initiatives\"],"
                        + "\"template\":\"avviso_con_link\",\"bodyParameters\":[\"Nuovi orari " + token + "\"],\"link\":\"orari-2027\"}"));
        assertThat(linkedCampaign.getString("link")).isEqualTo("orari-2027");
        long linked = linkedCampaign.getJsonNumber("id").longValue();
        assertThat(post(linked, "submit", editor, null).statusCode()).isEqualTo(200);
        assertThat(post(linked, "approve", reviewer, "{}").statusCode()).isEqualTo(200);
        assertThat(post(linked, "schedule", reviewer, "{}").statusCode()).isEqualTo(200);

        Waiting.atMost(ofSeconds(30)).until(() -> state(image).equals("SENT") && state(linked).equals("SENT"));
        for (String phone : phones) {
            assertThat(db.scalar("select count(*) from sandbox_message where phone in ('" + phone + "', '" + phone.substring(1)
                    + "') and template_name = 'avviso_con_immagine'"
                    + " and header = '[IMAGE] https://comune.example/festa.jpg'")).isEqualTo(1);
            assertThat(db.scalar("select count(*) from sandbox_message where phone in ('" + phone + "', '" + phone.substring(1)
                    + "') and template_name = 'avviso_con_link'"
                    + " and buttons like '%https://www.comune.example/notizie/orari-2027%'")).isEqualTo(1);
        }
        StaffClient browser = new StaffClient(URI.create(base.toString()));
        assertThat(browser.formLogin(editorName, CampaignFixtures.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(browser.get("console/campaigns/view.xhtml?id=" + image, null).body()).as("the preview names the file")
                .contains("festa.jpg");
        assertThat(browser.get("console/campaigns/view.xhtml?id=" + linked, null).body()).as("the preview shows the link button")
                .contains("Leggi di più").contains("https://www.comune.example/notizie/orari-2027");
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        HttpResponse<String> openapi = api.get("openapi", null);
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).contains("title: Filo Diretto API").contains("/api/v1/campaigns/{id}/approve")
                .contains("/api/v1/campaigns/{id}/stats")
                .contains("/api/v1/emergencies").contains("Submit for review (EDITOR): runs every check");
    }

    // --- helpers

    private List<String> seedSubscribers(int count, String topics, String neighbourhoods) {
        return f.seedSubscribers(count, topics, neighbourhoods);
    }

    private HttpResponse<String> put(long id, String user, String body, long version) {
        return api.sendJson("PUT", "api/v1/campaigns/" + id, user, body.substring(0, body.length() - 1) + ",\"version\":" + version + "}");
    }

    private HttpResponse<String> post(long id, String action, String user, String body) {
        return f.post(id, action, user, body);
    }

    private String state(long id) {
        return f.state(id);
    }

    private JsonObject stats(long id) {
        return f.stats(id);
    }

    private static String error(HttpResponse<String> response) {
        return CampaignFixtures.error(response);
    }
}
