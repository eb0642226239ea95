package it.filodiretto.web.it;

import it.filodiretto.domain.consent.ConsentRegister;
import it.filodiretto.domain.consent.RegisterFilter;
import it.filodiretto.domain.consent.Subscriber;
import it.filodiretto.integration.whatsapp.WebhookSignature;
import it.filodiretto.integration.whatsapp.WhatsAppSettings;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Random;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chat subscription flow end to end on the sandbox: the simulated phone posts signed webhooks, the
 * application answers through the WhatsApp client, the answers are read back from the sandbox. Every consent
 * change leaves exactly one consent record and one audit event.
 */
@ExtendWith(ArquillianExtension.class)
class ConsentIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(ConsentIT.class);
    }

    @ArquillianResource
    URL base;

    private final Db db = new Db();

    @Inject
    WhatsAppSettings settings;

    @Inject
    ConsentRegister register;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private SandboxPhone phone() {
        return new SandboxPhone(URI.create(base.toString()), db, "+39347");
    }

    /** The phone subscribes by chat (ISCRIVIMI, accept); @return the subscriber's id. */
    private long subscribed(SandboxPhone phone) throws Exception {
        phone.says("ISCRIVIMI");
        phone.awaitMessage(1);
        phone.taps("consent:accept");
        phone.awaitMessage(3);
        return db.scalar("select id from subscriber where phone = ?", phone.number);
    }

    private static RegisterFilter filter(String number, String topic, String neighbourhood) {
        return new RegisterFilter(null, topic, number, neighbourhood, null, null, null, null);
    }

    @Test
    void subscribeAcceptChooseTopicsStopAndSubscribeAgain() throws Exception {
        SandboxPhone phone = phone();

        phone.says("Iscrivimi!");
        JsonObject ask = phone.awaitMessage(1);
        assertThat(ask.getString("kind")).isEqualTo("interactive");
        assertThat(ask.getString("text")).contains("Filo Diretto").contains("/privacy.xhtml");
        assertThat(ask.getJsonArray("buttons").toString()).contains("consent:accept").contains("consent:decline");
        long id = db.scalar("select id from subscriber where phone = ?", phone.number);
        assertThat(db.text("select state from subscriber where id = ?", id)).isEqualTo("PENDING");
        assertThat(db.scalar("select count(*) from consent_record where subscriber_id = ?", id)).isZero();

        phone.taps("consent:accept");
        JsonObject done = phone.awaitMessage(3);
        assertThat(phone.received().getJsonObject(1).getString("text")).startsWith("✅");
        assertThat(done.getJsonObject("list").toString()).contains("topic:weather").contains("topic:*");
        assertThat(db.text("select state from subscriber where id = ?", id)).isEqualTo("ACTIVE");
        assertThat(db.scalar("select count(*) from consent_record where subscriber_id = ? and action = 'GRANTED'", id)).isEqualTo(1);
        assertThat(db.text("select notice_hash from consent_record where subscriber_id = ?", id))
                .isEqualTo(db.text("select text_hash from privacy_notice where version = ?", currentNoticeVersion()));
        assertThat(db.text("select evidence from consent_record where subscriber_id = ?", id)).contains("inboundMessageSha256Salted")
                .doesNotContain("wamid.");
        assertThat(db.scalar("select count(*) from audit_event where action = 'CONSENT_GRANTED' and target_id = ?", String.valueOf(id)))
                .isEqualTo(1);
        assertThat(db.scalar("select count(*) from audit_event where actor = ? and details like '%+39%'", "citizen:" + id))
                .as("no phone number in the audit trail").isZero();

        phone.picks("topic:initiatives");
        JsonObject updated = phone.awaitMessage(4);
        assertThat(updated.getString("text")).startsWith("Argomenti aggiornati").doesNotContain("Iniziative");
        assertThat(db.text("select topics from subscriber where id = ?", id)).isEqualTo("deadlines,emergencies,public_utility,weather");
        // the register's filters read the stored list: a whole code, first, inside or last; never part of one
        assertThat(register.page(filter(phone.number, "deadlines", null), 0, 10)).extracting(Subscriber::id).containsExactly(id);
        assertThat(register.page(filter(phone.number, "public_utility", null), 0, 10)).hasSize(1);
        assertThat(register.page(filter(phone.number, "weather", null), 0, 10)).hasSize(1);
        assertThat(register.count(filter(phone.number, "initiatives", null))).isZero();
        assertThat(register.count(filter(phone.number, "weath", null))).isZero();
        assertThat(register.count(filter(phone.number, null, "centro"))).isZero();
        assertThat(db.scalar("select count(*) from consent_record where subscriber_id = ? and action = 'CHANGED'", id)).isEqualTo(1);

        phone.says("  stop.  ");
        JsonObject stopped = phone.awaitMessage(5);
        assertThat(stopped.getString("text")).startsWith("Fatto");
        assertThat(db.text("select state from subscriber where id = ?", id)).isEqualTo("UNSUBSCRIBED");
        assertThat(db.scalar("select count(*) from consent_record where subscriber_id = ? and action = 'WITHDRAWN'", id)).isEqualTo(1);
        assertThat(db.scalar("select count(*) from audit_event where action = 'CONSENT_WITHDRAWN' and target_id = ?", String.valueOf(id)))
                .isEqualTo(1);

        phone.says("ISCRIVIMI");
        phone.awaitMessage(6);
        phone.taps("consent:accept");
        phone.awaitMessage(8);
        assertThat(db.text("select state from subscriber where id = ?", id)).as("the same subscriber again").isEqualTo("ACTIVE");
        assertThat(db.scalar("select count(*) from consent_record where subscriber_id = ?", id)).isEqualTo(4);
        assertThat(db.scalar("select count(*) from subscriber where phone = ?", phone.number)).isEqualTo(1);

        // the privacy officer sees both the subscription and the withdrawal, with notice version and evidence
        StaffClient api = new StaffClient(URI.create(base.toString()));
        String officer = "po" + new Random().nextInt(1_000_000);
        assertThat(api.sendJson("POST", "api/v1/staff", StaffClient.basic("admin", Deployments.adminPassword()),
                "{\"username\":\"" + officer
                        + "\",\"displayName\":\"PO\",\"password\":\"Privacy-officer-pass-1\",\"roles\":[\"PRIVACY_OFFICER\"]}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> found = api.get(
                "api/v1/consents/subscribers?number=" + URLEncoder.encode(phone.number.substring(3), StandardCharsets.UTF_8),
                StaffClient.basic(officer, "Privacy-officer-pass-1"));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        JsonArray consents = Json.createReader(new StringReader(found.body())).readArray().getJsonObject(0).getJsonArray("consents");
        assertThat(consents.stream().map(v -> v.asJsonObject().getString("action")).toList())
                .containsExactly("GRANTED", "CHANGED", "WITHDRAWN", "GRANTED");
        assertThat(consents.getJsonObject(2).getInt("noticeVersion")).isEqualTo((int) currentNoticeVersion());
        assertThat(consents.getJsonObject(2).getJsonObject("evidence").getString("inboundMessageSha256Salted")).hasSize(64);
        long grant = consents.getJsonObject(0).getJsonNumber("id").longValue();
        JsonObject receipt = StaffClient
                .object(api.get("api/v1/consents/receipts/" + grant, StaffClient.basic(officer, "Privacy-officer-pass-1")));
        assertThat(receipt.getString("version")).isEqualTo("KI-CR-v1.1.0");
        assertThat(receipt.getString("jurisdiction")).isEqualTo("IT");
        assertThat(receipt.getString("collectionMethod")).isEqualTo("WHATSAPP_KEYWORD");
        assertThat(receipt.getString("piiPrincipalId")).isEqualTo("citizen:" + id);
        assertThat(receipt.getString("policyUrl")).endsWith("/privacy.xhtml");
        assertThat(receipt.getJsonArray("services").getJsonObject(0).getJsonArray("purposes")).hasSize(5);
        assertThat(receipt.getJsonObject("extensions").getString("noticeSha256")).hasSize(64);
        assertThat(receipt.toString()).doesNotContain(phone.digits());
        HttpResponse<String> byChannel = api.get("api/v1/consents/subscribers?channel=WEB_DOUBLE_OPT_IN&number="
                + URLEncoder.encode(phone.number, StandardCharsets.UTF_8), StaffClient.basic(officer, "Privacy-officer-pass-1"));
        assertThat(byChannel.body()).as("this subscriber consented by chat only").isEqualTo("[]");
        HttpResponse<String> byKeyword = api.get("api/v1/consents/subscribers?channel=WHATSAPP_KEYWORD&state=ACTIVE&number="
                + URLEncoder.encode(phone.number, StandardCharsets.UTF_8), StaffClient.basic(officer, "Privacy-officer-pass-1"));
        assertThat(byKeyword.body()).contains("\"id\":" + id);

        StaffClient browser = new StaffClient(URI.create(base.toString()));
        assertThat(browser.formLogin(officer, "Privacy-officer-pass-1").statusCode()).isEqualTo(302);
        HttpResponse<String> page = browser.get("console/consent/register.xhtml", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("nav-consent");
        HttpResponse<String> byNumber = browser.postRaw("console/consent/register.xhtml",
                "register=register&register%3Aapply=&register%3Anumber="
                        + URLEncoder.encode(phone.number.substring(3), StandardCharsets.UTF_8) + "&jakarta.faces.ViewState="
                        + URLEncoder.encode(StaffClient.viewState(page.body()), StandardCharsets.UTF_8));
        assertThat(byNumber.body()).as("found by its number written without +39").contains(phone.number);
    }

    @Test
    void anErasureLeavesNoPhoneNumberAnywhereInTheDatabase() throws Exception {
        SandboxPhone phone = phone();
        String digits = phone.digits();
        phone.says("ISCRIVIMI");
        phone.awaitMessage(1);
        phone.taps("consent:accept");
        phone.awaitMessage(3);
        phone.says("una domanda personale con il mio numero " + phone.number);
        phone.awaitMessage(4);
        long id = db.scalar("select id from subscriber where phone = ?", phone.number);
        Waiting.atMost(ofSeconds(15)).until(() -> phone.unprocessedWebhooks() == 0);
        assertThat(tablesContaining(digits)).as("before erasure").contains("subscriber", "inbound_message", "webhook_event");
        // Meta's message ids carry the number (base64 inside the wamid, as the sandbox's do): they must go too
        java.util.List<String> wamids = db.texts("select message_id from inbound_message where wa_id = ?", digits);
        assertThat(wamids).hasSizeGreaterThanOrEqualTo(3);
        assertThat(
                new String(java.util.Base64.getDecoder().decode(wamids.get(0).substring("wamid.".length())), StandardCharsets.ISO_8859_1))
                .contains(digits);

        StaffClient api = new StaffClient(URI.create(base.toString()));
        String officer = "po" + new Random().nextInt(1_000_000);
        api.sendJson("POST", "api/v1/staff", StaffClient.basic("admin", Deployments.adminPassword()),
                "{\"username\":\"" + officer
                        + "\",\"displayName\":\"PO\",\"password\":\"Privacy-officer-pass-1\",\"roles\":[\"PRIVACY_OFFICER\"]}");
        String po = StaffClient.basic(officer, "Privacy-officer-pass-1");
        JsonObject export = StaffClient.object(api.get("api/v1/consents/subscribers/" + id + "/export", po));
        assertThat(export.getJsonObject("subscriber").getString("phone")).isEqualTo(phone.number);
        assertThat(export.getJsonArray("consents")).hasSize(1);
        assertThat(export.getJsonArray("messages").size()).isGreaterThanOrEqualTo(3);
        assertThat(export.getJsonArray("deliveries")).as("no campaign reached this new subscriber yet").isNotNull();
        HttpResponse<String> readable = api.get("api/v1/consents/subscribers/" + id + "/export.html", po);
        assertThat(readable.statusCode()).isEqualTo(200);
        assertThat(readable.body()).contains("<h2>Consensi</h2>").contains(phone.number).contains("GRANTED");

        assertThat(
                api.sendJson("POST", "api/v1/consents/subscribers/" + id + "/erasure", po, "{\"requestedOn\":\"2099-01-01\"}").statusCode())
                .as("a request date in the future").isEqualTo(400);
        HttpResponse<String> erased = api.sendJson("POST", "api/v1/consents/subscribers/" + id + "/erasure", po,
                "{\"requestedOn\":\"" + java.time.LocalDate.now().minusDays(2) + "\"}");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);
        // a webhook that was being processed during the erasure, before the number was suppressed, and kept its raw
        // copy after the erasure had removed the processed ones: the follow-up removes it
        long racing = -Math.abs(new Random().nextLong() % 1_000_000_000L) - 1;
        db.update("insert into webhook_event (id, received_at, body, processed_at) values (?, current_timestamp, ?, current_timestamp)",
                racing, "{\"statuses\":[{\"id\":\"wamid.RACE\",\"status\":\"read\",\"recipient_id\":\"" + digits + "\"}]}");

        // Meta keeps reporting statuses of messages sent before the erasure: their effect counts, their raw copy is not kept
        String wamid = "wamid.LATE" + System.nanoTime();
        String late = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"statuses\":[{\"id\":\"" + wamid
                + "\",\"status\":\"read\",\"timestamp\":\"1750000000\",\"recipient_id\":\"" + digits + "\"}]}}]}]}";
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("webhook/whatsapp"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", WebhookSignature.sign(settings.appSecret(), late.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(late)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(200);
        Waiting.atMost(ofSeconds(15)).until(
                () -> db.scalar("select count(*) from message_status where wamid = ?", wamid) == 1 && phone.unprocessedWebhooks() == 0);

        // Meta's copy (the sandbox's own table, absent in production) is not the city's data; statuses of the replies
        // may still be arriving (a read comes 1.5 s after the send): once all are in and processed, nothing is left
        Waiting.atMost(ofSeconds(15))
                .until(() -> phone.pendingStatuses() == 0 && phone.unprocessedWebhooks() == 0 && tablesContaining(digits).isEmpty());
        assertThat(tablesContaining(digits)).as("no table holds the number after erasure").isEmpty();
        assertThat(db.scalar("select count(*) from webhook_event where id = ?", racing)).as("the late-committed copy").isZero();
        for (String citizensMessage : wamids) {
            assertThat(tablesContaining(citizensMessage)).as("no table holds the citizen's message id after erasure").isEmpty();
        }
        assertThat(db.text("select state from subscriber where id = ?", id)).isEqualTo("ERASED");
        assertThat(db.scalar("select count(*) from consent_record where subscriber_id = ?", id)).as("the pseudonymous history stays")
                .isEqualTo(1);
        assertThat(db.scalar("select count(*) from suppression")).isPositive();
        assertThat(db.scalar("select count(*) from audit_event where action = 'DATA_ERASED' and target_id = ?", String.valueOf(id)))
                .isEqualTo(1);
        assertThat(
                api.sendJson("POST", "api/v1/consents/subscribers/" + id + "/erasure", po, "{\"requestedOn\":\"2026-01-01\"}").statusCode())
                .isEqualTo(409);
    }

    @Test
    void dataSubjectRequestsByChatAndByTheOfficeRunAgainstTheirDeadline() throws Exception {
        SandboxPhone phone = phone();
        long id = subscribed(phone);

        // PRIVACY offers the receipt, the data and the erasure
        phone.says("privacy");
        JsonObject privacy = phone.awaitMessage(4);
        assertThat(privacy.getJsonArray("buttons").stream().map(b -> b.asJsonObject().getString("id")))
                .containsExactly("privacy:receipt", "privacy:access", "privacy:erase");
        phone.taps("privacy:receipt");
        String receipt = phone.awaitMessage(5).getString("text");
        assertThat(receipt).contains("Ricevuta del consenso").contains("WHATSAPP_KEYWORD")
                .contains(db.text("select notice_hash from consent_record where subscriber_id = ?", id));
        assertThat(db.scalar("select count(*) from audit_event where action = 'CONSENT_RECEIPT_EXPORTED' and actor = ?", "citizen:" + id))
                .isEqualTo(1);

        // access request by chat, once even if asked twice, with its deadline
        String due = java.time.LocalDate.now().plusMonths(1).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        phone.says("I miei dati!");
        assertThat(phone.awaitMessage(6).getString("text")).contains("Richiesta di accesso").contains(due);
        phone.taps("privacy:access");
        phone.awaitMessage(7);
        assertThat(db.scalar("select count(*) from subject_request where subscriber_id = ?", id)).as("one open request per kind")
                .isEqualTo(1);

        StaffClient api = new StaffClient(URI.create(base.toString()));
        String officer = "po" + new Random().nextInt(1_000_000);
        api.sendJson("POST", "api/v1/staff", StaffClient.basic("admin", Deployments.adminPassword()),
                "{\"username\":\"" + officer
                        + "\",\"displayName\":\"PO\",\"password\":\"Privacy-officer-pass-1\",\"roles\":[\"PRIVACY_OFFICER\"]}");
        String po = StaffClient.basic(officer, "Privacy-officer-pass-1");
        JsonObject access = StaffClient.json(api.get("api/v1/consents/requests?state=OPEN", po)).asJsonArray().stream()
                .map(v -> v.asJsonObject()).filter(r -> r.getJsonNumber("subscriberId").longValue() == id).findFirst().orElseThrow();
        assertThat(access.getString("kind")).isEqualTo("ACCESS");
        assertThat(access.getString("channel")).isEqualTo("CHAT");
        assertThat(access.getString("dueOn")).isEqualTo(java.time.LocalDate.now().plusMonths(1).toString());
        long accessId = access.getJsonNumber("id").longValue();
        HttpResponse<String> done = api.sendJson("POST", "api/v1/consents/requests/" + accessId + "/completion", po,
                "{\"comment\":\"export sent\"}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(StaffClient.object(done).getString("state")).isEqualTo("COMPLETED");
        assertThat(api.sendJson("POST", "api/v1/consents/requests/" + accessId + "/completion", po, "{}").statusCode())
                .as("already closed").isEqualTo(409);

        // bad input for the office's registrations
        assertThat(api.sendJson("POST", "api/v1/consents/requests", po, "{\"number\":\"" + phone().number
                + "\",\"kind\":\"ACCESS\",\"receivedOn\":\"2026-01-05\"}").statusCode()).as("unknown number").isEqualTo(404);
        assertThat(api.sendJson("POST", "api/v1/consents/requests", po, "{\"number\":\"" + phone.number
                + "\",\"kind\":\"ACCESS\",\"receivedOn\":\"2099-01-05\"}").statusCode()).as("future date").isEqualTo(400);
        HttpResponse<String> badKind = api.sendJson("POST", "api/v1/consents/requests", po, "{\"number\":\"" + phone.number
                + "\",\"kind\":\"COFFEE\",\"receivedOn\":\"2026-01-05\"}");
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(StaffClient.object(badKind).getString("error")).isEqualTo("invalid_kind");

        // erasure asked in the chat (with a confirmation): consent withdrawn at once, data erased by the officer
        phone.taps("privacy:erase");
        assertThat(phone.awaitMessage(8).getJsonArray("buttons").getJsonObject(0).getString("id")).isEqualTo("privacy:erase!");
        assertThat(db.text("select state from subscriber where id = ?", id)).as("nothing happens before the confirmation")
                .isEqualTo("ACTIVE");
        phone.taps("privacy:erase!");
        assertThat(phone.awaitMessage(9).getString("text")).contains("Richiesta di cancellazione").contains(due);
        assertThat(db.text("select state from subscriber where id = ?", id)).isEqualTo("UNSUBSCRIBED");
        assertThat(db.scalar("select count(*) from consent_record where subscriber_id = ? and action = 'WITHDRAWN'", id)).isEqualTo(1);
        long erasureId = db.scalar("select id from subject_request where subscriber_id = ? and kind = 'ERASURE' and state = 'OPEN'", id);
        assertThat(api.sendJson("POST", "api/v1/consents/requests/" + erasureId + "/rejection", po, "{}").statusCode())
                .as("a rejection needs a reason").isEqualTo(400);
        assertThat(api.sendJson("POST", "api/v1/consents/requests/" + erasureId + "/completion", po, "{}").statusCode()).isEqualTo(200);
        assertThat(db.text("select state from subscriber where id = ?", id)).isEqualTo("ERASED");
        assertThat(db.text("select state from subject_request where id = ?", erasureId)).isEqualTo("COMPLETED");
        assertThat(
                db.scalar("select count(*) from audit_event where action = 'SUBJECT_REQUEST_RECEIVED' and target_type = 'subject_request'"
                        + " and target_id in (select cast(id as varchar(20)) from subject_request where subscriber_id = ?)", id))
                .isEqualTo(2);
        assertThat(db.scalar("select count(*) from audit_event where action = 'DATA_ERASED' and target_id = ?", String.valueOf(id)))
                .isEqualTo(1);

        // counts over time: this week has at least this grant and this withdrawal
        JsonArray weekly = StaffClient.json(api.get("api/v1/consents/statistics/weekly?weeks=3", po)).asJsonArray();
        assertThat(weekly).hasSize(3);
        JsonObject thisWeek = weekly.getJsonObject(2);
        assertThat(thisWeek.getJsonNumber("subscriptions").longValue()).isPositive();
        assertThat(thisWeek.getJsonNumber("withdrawals").longValue()).isPositive();

        // the requests page lists them; the register page draws the chart and exports PDF
        StaffClient browser = new StaffClient(URI.create(base.toString()));
        assertThat(browser.formLogin(officer, "Privacy-officer-pass-1").statusCode()).isEqualTo(302);
        HttpResponse<String> page = browser.get("console/consent/requests.xhtml", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Richieste degli interessati").contains("nav-requests");
        HttpResponse<String> register = browser.get("console/consent/register.xhtml", null);
        assertThat(register.body()).contains("weeklyChart");
        HttpResponse<String> pdf = browser.postRaw("console/consent/register.xhtml",
                "register=register&register%3Apdf=&jakarta.faces.ViewState="
                        + URLEncoder.encode(StaffClient.viewState(register.body()), StandardCharsets.UTF_8));
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).contains("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");
    }

    /** Tables (except the sandbox's) with a text column containing the value. */
    private java.util.List<String> tablesContaining(String value) throws Exception {
        java.util.Set<String> tables = new java.util.TreeSet<>();
        try (Connection c = db.connection()) {
            java.util.Map<String, java.util.List<String>> columns = new java.util.TreeMap<>();
            try (ResultSet r = c.getMetaData().getColumns(null, null, "%", "%")) {
                while (r.next()) {
                    String table = r.getString("TABLE_NAME").toLowerCase();
                    String schema = String.valueOf(r.getString("TABLE_SCHEM")).toLowerCase();
                    int type = r.getInt("DATA_TYPE");
                    boolean text = type == java.sql.Types.VARCHAR || type == java.sql.Types.CLOB || type == java.sql.Types.LONGVARCHAR
                            || type == java.sql.Types.NVARCHAR || type == java.sql.Types.CHAR;
                    if (text && schema.equals("public") && !table.equals("sandbox_message") && !table.startsWith("flyway")) {
                        columns.computeIfAbsent(table, t -> new java.util.ArrayList<>()).add(r.getString("COLUMN_NAME"));
                    }
                }
            }
            for (var entry : columns.entrySet()) {
                for (String column : entry.getValue()) {
                    try (PreparedStatement s = c.prepareStatement(
                            "select count(*) from " + entry.getKey() + " where cast(" + column + " as varchar(100000)) like ?")) {
                        s.setString(1, "%" + value + "%");
                        try (ResultSet r = s.executeQuery()) {
                            r.next();
                            if (r.getLong(1) > 0) {
                                tables.add(entry.getKey());
                            }
                        }
                    }
                }
            }
        }
        return new java.util.ArrayList<>(tables);
    }

    @Test
    void webDoubleOptInActivatesOnlyWhenConfirmedFromThatPhoneInTime() throws Exception {
        SandboxPhone phone = phone();
        HttpResponse<String> page = webRequest(phone.number.substring(3), true, "weather", "emergencies", "@sacconago");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"subscribe:sent\"");
        JsonObject confirmation = phone.awaitMessage(1);
        assertThat(confirmation.getString("templateName")).isEqualTo("conferma_iscrizione");
        String confirm = confirmation.getJsonArray("buttons").getJsonObject(0).getString("id");
        assertThat(confirm).startsWith("webconfirm:");
        assertThat(db.scalar("select count(*) from subscriber where phone = ?", phone.number)).as("nothing active before confirmation")
                .isZero();

        // another phone cannot confirm it
        SandboxPhone other = phone();
        other.taps(confirm, "Confermo");
        assertThat(other.awaitMessage(1).getString("text")).contains("non è più valida");

        phone.taps(confirm);
        assertThat(phone.awaitMessage(2).getString("text")).startsWith("✅ Iscrizione confermata");
        long id = db.scalar("select id from subscriber where phone = ?", phone.number);
        assertThat(db.text("select state from subscriber where id = ?", id)).isEqualTo("ACTIVE");
        assertThat(db.text("select topics from subscriber where id = ?", id)).isEqualTo("emergencies,weather");
        assertThat(db.text("select neighbourhoods from subscriber where id = ?", id)).as("chosen on the page").isEqualTo("sacconago");
        assertThat(db.text("select channel from consent_record where subscriber_id = ?", id)).isEqualTo("WEB_DOUBLE_OPT_IN");
        assertThat(db.text("select evidence from consent_record where subscriber_id = ?", id))
                .contains("ipSha256Salted").contains("userAgent").contains("webRequestId").doesNotContain("127.0.0.1");

        // a second tap does nothing more
        phone.taps(confirm);
        assertThat(phone.awaitMessage(3).getString("text")).contains("non è più valida");
        assertThat(db.scalar("select count(*) from consent_record where subscriber_id = ?", id)).isEqualTo(1);
    }

    @Test
    void leavingFromTheWebPageIsConfirmedOnWhatsAppAndSendsNothingToOthers() throws Exception {
        SandboxPhone phone = phone();
        phone.says("ISCRIVIMI");
        phone.awaitMessage(1);
        phone.taps("consent:accept");
        phone.awaitMessage(3);

        assertThat(unsubscribeRequest(phone.number.substring(3)).body()).contains("id=\"unsubscribe:sent\"");
        JsonObject ask = phone.awaitMessage(4);
        assertThat(ask.getString("templateName")).isEqualTo("conferma_cancellazione");
        phone.taps(ask.getJsonArray("buttons").getJsonObject(0).getString("id"));
        assertThat(phone.awaitMessage(5).getString("text")).startsWith("Fatto");
        assertThat(db.scalar("select count(*) from subscriber where phone = ? and state = 'UNSUBSCRIBED'", phone.number)).isEqualTo(1);

        SandboxPhone stranger = phone();
        assertThat(unsubscribeRequest(stranger.number).body()).as("same answer for a number that is not subscribed")
                .contains("id=\"unsubscribe:sent\"");
        Thread.sleep(1000);
        assertThat(stranger.received()).as("nothing sent to a number that is not subscribed").isEmpty();
    }

    private HttpResponse<String> unsubscribeRequest(String number) throws Exception {
        StaffClient browser = new StaffClient(URI.create(base.toString()));
        HttpResponse<String> page = browser.get("cancellati.xhtml", null);
        return browser.postRaw("cancellati.xhtml", "unsubscribe=unsubscribe&unsubscribe%3Asubmit=&unsubscribe%3Anumber="
                + URLEncoder.encode(number, StandardCharsets.UTF_8) + "&jakarta.faces.ViewState="
                + URLEncoder.encode(StaffClient.viewState(page.body()), StandardCharsets.UTF_8));
    }

    @Inject
    it.filodiretto.domain.consent.Retention retention;

    @Inject
    it.filodiretto.domain.consent.PrivacyNotices notices;

    private long currentNoticeVersion() throws Exception {
        return db.scalar("select max(version) from privacy_notice");
    }

    @Test
    void aNoticeThatChangesPurposesAsksActiveSubscribersToReconfirm() throws Exception {
        SandboxPhone phone = phone();
        long id = subscribed(phone);
        it.filodiretto.domain.consent.PrivacyNotice current = notices.inForce();

        it.filodiretto.domain.consent.PrivacyNotices.Published same = notices.publish(current.text() + "\n(typo fixed)", current.summary(),
                current.url(), current.purposes(), "po-test");
        assertThat(same.notice().version()).isEqualTo(current.version() + 1);
        assertThat(same.subscribersToReconfirm()).isZero();
        assertThat(db.text("select reconsent_due_by from subscriber where id = ?", id)).isNull();

        it.filodiretto.domain.consent.PrivacyNotices.Published changed = notices.publish(current.text() + "\nNuova finalità: sondaggi.",
                current.summary(), current.url(), java.util.List.of("public_utility", "emergencies", "surveys"), "po-test");
        assertThat(changed.subscribersToReconfirm()).isPositive();
        assertThat(db.text("select reconsent_due_by from subscriber where id = ?", id)).isNotNull();

        // every active subscriber gets the re-confirmation request, through the dispatch engine
        JsonObject broadcast = phone.awaitMessage(4, ofSeconds(30));
        assertThat(broadcast.getString("templateName")).isEqualTo("rinnovo_consenso");
        assertThat(broadcast.getJsonArray("buttons").getJsonObject(0).getString("id")).isEqualTo("consent:renew");
        // writing ISCRIVIMI asks the same
        phone.says("iscrivimi");
        JsonObject ask = phone.awaitMessage(5);
        assertThat(ask.getString("text")).contains("aggiornato l'informativa");
        assertThat(ask.getJsonArray("buttons").toString()).contains("consent:renew");
        phone.taps("consent:renew");
        assertThat(phone.awaitMessage(6).getString("text")).startsWith("Grazie");
        assertThat(db.text("select reconsent_due_by from subscriber where id = ?", id)).isNull();
        assertThat(db.scalar("select notice_version from consent_record where subscriber_id = ? and action = 'RENEWED'", id))
                .isEqualTo(changed.notice().version());
        assertThatThrownBy(() -> notices.publish(" ", "x", "http://x/y", java.util.List.of("a"), "po-test"))
                .hasMessageContaining("invalid_notice");
    }

    @Test
    void retentionPurgesOldMessagesAndRequestsAndAuditsCountsOnly() throws Exception {
        SandboxPhone phone = phone();
        phone.says("aiuto");
        phone.awaitMessage(1);
        // the reply leaves before the transaction that records the message commits
        Waiting.atMost(ofSeconds(15)).until(() -> db.scalar("select count(*) from inbound_message where wa_id = ?", phone.digits()) == 1);
        assertThat(db.update("update inbound_message set received_at = ? where wa_id = ?", java.time.OffsetDateTime.now().minusDays(91),
                phone.digits()))
                .isEqualTo(1);

        java.util.Map<String, Object> purged = retention.apply();

        assertThat(((Number) purged.get("inboundMessages")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(db.scalar("select count(*) from inbound_message where wa_id = ?", phone.digits())).isZero();
        String details = db
                .text("select details from audit_event where action = 'RETENTION_APPLIED' order by seq desc fetch first 1 rows only");
        assertThat(details).contains("\"inboundMessages\":").contains("\"inboundDays\":90").doesNotContain(phone.digits());
    }

    @Test
    void anExpiredWebRequestCannotBeConfirmed() throws Exception {
        SandboxPhone phone = phone();
        webRequest(phone.number.substring(3), true, "deadlines");
        String confirm = phone.awaitMessage(1).getJsonArray("buttons").getJsonObject(0).getString("id");
        assertThat(db.update("update web_request set expires_at = ? where token = ?", java.time.OffsetDateTime.now().minusMinutes(1),
                confirm.substring("webconfirm:".length()))).isEqualTo(1);
        phone.taps(confirm);
        assertThat(phone.awaitMessage(2).getString("text")).contains("non è più valida");
        assertThat(db.scalar("select count(*) from subscriber where phone = ? and state = 'ACTIVE'", phone.number)).isZero();
    }

    @Test
    void theWebPageRefusesMissingConsentBadNumbersAndTooManyRequests() throws Exception {
        assertThat(webRequest("340 111 22", true, "weather").body()).contains("Numero di telefono non valido");
        assertThat(webRequest("0331 390111", true, "weather").body()).contains("non è un cellulare");
        SandboxPhone phone = phone();
        assertThat(webRequest(phone.number, false, "weather").body()).contains("serve il consenso");
        for (int i = 0; i < 3; i++) {
            assertThat(webRequest(phone.number, true, "weather").body()).contains("id=\"subscribe:sent\"");
        }
        HttpResponse<String> fourth = webRequest(phone.number, true, "weather");
        assertThat(fourth.body()).contains("Troppe richieste").doesNotContain("id=\"subscribe:sent\"");
    }

    private HttpResponse<String> webRequest(String number, boolean consent, String... topicCodes) throws Exception {
        StaffClient browser = new StaffClient(URI.create(base.toString()));
        HttpResponse<String> page = browser.get("iscriviti.xhtml", null);
        StringBuilder form = new StringBuilder("subscribe=subscribe&subscribe%3Asubmit=&subscribe%3Alanguage=it");
        form.append("&subscribe%3Anumber=").append(URLEncoder.encode(number, StandardCharsets.UTF_8));
        for (String t : topicCodes) { // "@code" is a neighbourhood
            form.append(t.startsWith("@") ? "&subscribe%3Aneighbourhoods=" + t.substring(1) : "&subscribe%3Atopics=" + t);
        }
        if (consent) {
            form.append("&subscribe%3Aconsent_input=on");
        }
        form.append("&jakarta.faces.ViewState=").append(URLEncoder.encode(StaffClient.viewState(page.body()), StandardCharsets.UTF_8));
        return browser.postRaw("iscriviti.xhtml", form.toString());
    }

    @Test
    void aSubscriberChoosesNeighbourhoodsForLocalNotices() throws Exception {
        SandboxPhone phone = phone();
        phone.says("ISCRIVIMI");
        phone.awaitMessage(1);
        phone.taps("consent:accept");
        phone.awaitMessage(3);

        phone.says("Quartiere");
        JsonObject list = phone.awaitMessage(4);
        assertThat(list.getJsonObject("list").toString()).contains("area:*").contains("area:centro").contains("Sacconago");
        phone.picks("area:centro");
        assertThat(phone.awaitMessage(5).getString("text")).contains("Centro");
        phone.picks("area:borsano");
        phone.awaitMessage(6);
        long id = db.scalar("select id from subscriber where phone = ?", phone.number);
        assertThat(db.text("select neighbourhoods from subscriber where id = ?", id)).isEqualTo("borsano,centro");
        phone.picks("area:*");
        assertThat(phone.awaitMessage(7).getString("text")).contains("Tutta la città");
        assertThat(db.text("select neighbourhoods from subscriber where id = ?", id)).isEmpty();
        assertThat(
                db.scalar("select count(*) from audit_event where action = 'NEIGHBOURHOODS_CHANGED' and target_id = ?", String.valueOf(id)))
                .isEqualTo(3);
    }

    @Inject
    it.filodiretto.integration.sandbox.WebhookPoster poster;

    @Test
    void whatsAppsMarketingOptOutIsRecordedOnTheSubscriber() throws Exception {
        SandboxPhone phone = phone();
        long id = subscribed(phone);

        JsonObject optOut = Json.createReader(new StringReader("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\","
                + "\"changes\":[{\"field\":\"user_preferences\",\"value\":{\"messaging_product\":\"whatsapp\",\"user_preferences\":"
                + "[{\"wa_id\":\"" + phone.digits()
                + "\",\"category\":\"marketing_messages\",\"value\":\"stop\",\"timestamp\":1731705721}]}}]}]}"))
                .readObject();
        assertThat(poster.post(optOut)).isEqualTo(200);
        Waiting.atMost(ofSeconds(15))
                .until(() -> "TRUE".equalsIgnoreCase(db.text("select marketing_opt_out from subscriber where id = ?", id)));

        assertThat(db.text("select state from subscriber where id = ?", id)).as("utility consent untouched").isEqualTo("ACTIVE");
        assertThat(db.scalar("select count(*) from audit_event where action = 'MARKETING_PREFERENCE_CHANGED' and target_id = ?",
                String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void aStopFromAnUnknownNumberIsAnsweredAndCreatesNothing() throws Exception {
        SandboxPhone phone = phone();
        phone.says("STOP");

        JsonObject answer = phone.awaitMessage(1);
        assertThat(answer.getString("text")).contains("non è iscritto");
        assertThat(db.scalar("select count(*) from subscriber where phone = ?", phone.number)).isZero();
    }

    @Test
    void anAcceptWithoutAPendingRequestActivatesNothing() throws Exception {
        SandboxPhone phone = phone();
        phone.taps("consent:accept", "Accetto");

        JsonObject answer = phone.awaitMessage(1);
        assertThat(answer.getString("text")).contains("ISCRIVIMI");
        assertThat(db.scalar("select count(*) from subscriber where phone = ?", phone.number)).isZero();
    }

    @Test
    void decliningLeavesTheCitizenUnsubscribedWithoutConsent() throws Exception {
        SandboxPhone phone = phone();
        phone.says("attiva");
        phone.awaitMessage(1);
        phone.taps("consent:decline");
        phone.awaitMessage(2);

        long id = db.scalar("select id from subscriber where phone = ?", phone.number);
        assertThat(db.text("select state from subscriber where id = ?", id)).isEqualTo("UNSUBSCRIBED");
        assertThat(db.scalar("select count(*) from consent_record where subscriber_id = ?", id)).isZero();
    }

    @Test
    void helpPrivacyAndOtherTextsAreAnswered() throws Exception {
        SandboxPhone phone = phone();
        phone.says("aiuto");
        assertThat(phone.awaitMessage(1).getString("text")).contains("ISCRIVIMI").contains("STOP");
        phone.says("Privacy?");
        assertThat(phone.awaitMessage(2).getString("text")).contains("/privacy.xhtml").contains("versione " + currentNoticeVersion());
        phone.says("ciao");
        assertThat(phone.awaitMessage(3).getString("text")).contains("assistente automatico").contains("ISCRIVIMI").contains("OPERATORE");

        HttpResponse<String> notice = http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("privacy.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notice.statusCode()).isEqualTo(200);
        assertThat(notice.body()).contains(db.text("select text_hash from privacy_notice where version = ?", currentNoticeVersion()));
    }
}
