package it.filodiretto.web.it;

import it.filodiretto.domain.consent.ConsentRegister;
import it.filodiretto.domain.consent.RegisterFilter;
import it.filodiretto.domain.consent.Subscriber;
import it.filodiretto.integration.whatsapp.WebhookSignature;
import it.filodiretto.integration.whatsapp.WhatsAppSettings;
import jakarta.annotation.Resource;
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

import javax.sql.DataSource;
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

    @Resource(lookup = "jdbc/filodiretto")
    DataSource dataSource;

    @Inject
    WhatsAppSettings settings;

    @Inject
    ConsentRegister register;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static RegisterFilter filter(String number, String topic, String neighbourhood) {
        return new RegisterFilter(null, topic, number, neighbourhood, null, null, null, null);
    }

    private static String randomNumber() {
        return "+39347" + (1_000_000 + new Random().nextInt(8_999_999));
    }

    @Test
    void subscribeAcceptChooseTopicsStopAndSubscribeAgain() throws Exception {
        String phone = randomNumber();

        say(phone, "{\"text\":\"Iscrivimi!\"}");
        JsonObject ask = awaitMessage(phone, 1);
        assertThat(ask.getString("kind")).isEqualTo("interactive");
        assertThat(ask.getString("text")).contains("Filo Diretto").contains("/privacy.xhtml");
        assertThat(ask.getJsonArray("buttons").toString()).contains("consent:accept").contains("consent:decline");
        long id = scalar("select id from subscriber where phone = ?", phone);
        assertThat(text("select state from subscriber where id = ?", id)).isEqualTo("PENDING");
        assertThat(scalar("select count(*) from consent_record where subscriber_id = ?", id)).isZero();

        say(phone, "{\"buttonId\":\"consent:accept\"}");
        JsonObject done = awaitMessage(phone, 3);
        assertThat(messages(phone).getJsonObject(1).getString("text")).startsWith("✅");
        assertThat(done.getJsonObject("list").toString()).contains("topic:weather").contains("topic:*");
        assertThat(text("select state from subscriber where id = ?", id)).isEqualTo("ACTIVE");
        assertThat(scalar("select count(*) from consent_record where subscriber_id = ? and action = 'GRANTED'", id)).isEqualTo(1);
        assertThat(text("select notice_hash from consent_record where subscriber_id = ?", id))
                .isEqualTo(text("select text_hash from privacy_notice where version = ?", currentNoticeVersion()));
        assertThat(text("select evidence from consent_record where subscriber_id = ?", id)).contains("inboundMessageSha256Salted")
                .doesNotContain("wamid.");
        assertThat(scalar("select count(*) from audit_event where action = 'CONSENT_GRANTED' and target_id = ?", String.valueOf(id))).isEqualTo(1);
        assertThat(scalar("select count(*) from audit_event where actor = ? and details like '%+39%'", "citizen:" + id))
                .as("no phone number in the audit trail").isZero();

        say(phone, "{\"listId\":\"topic:initiatives\"}");
        JsonObject updated = awaitMessage(phone, 4);
        assertThat(updated.getString("text")).startsWith("Argomenti aggiornati").doesNotContain("Iniziative");
        assertThat(text("select topics from subscriber where id = ?", id)).isEqualTo("deadlines,emergencies,public_utility,weather");
        // the register's filters read the stored list: a whole code, first, inside or last; never part of one
        assertThat(register.page(filter(phone, "deadlines", null), 0, 10)).extracting(Subscriber::id).containsExactly(id);
        assertThat(register.page(filter(phone, "public_utility", null), 0, 10)).hasSize(1);
        assertThat(register.page(filter(phone, "weather", null), 0, 10)).hasSize(1);
        assertThat(register.count(filter(phone, "initiatives", null))).isZero();
        assertThat(register.count(filter(phone, "weath", null))).isZero();
        assertThat(register.count(filter(phone, null, "centro"))).isZero();
        assertThat(scalar("select count(*) from consent_record where subscriber_id = ? and action = 'CHANGED'", id)).isEqualTo(1);

        say(phone, "{\"text\":\"  stop.  \"}");
        JsonObject stopped = awaitMessage(phone, 5);
        assertThat(stopped.getString("text")).startsWith("Fatto");
        assertThat(text("select state from subscriber where id = ?", id)).isEqualTo("UNSUBSCRIBED");
        assertThat(scalar("select count(*) from consent_record where subscriber_id = ? and action = 'WITHDRAWN'", id)).isEqualTo(1);
        assertThat(scalar("select count(*) from audit_event where action = 'CONSENT_WITHDRAWN' and target_id = ?", String.valueOf(id))).isEqualTo(1);

        say(phone, "{\"text\":\"ISCRIVIMI\"}");
        awaitMessage(phone, 6);
        say(phone, "{\"buttonId\":\"consent:accept\"}");
        awaitMessage(phone, 8);
        assertThat(text("select state from subscriber where id = ?", id)).as("the same subscriber again").isEqualTo("ACTIVE");
        assertThat(scalar("select count(*) from consent_record where subscriber_id = ?", id)).isEqualTo(4);
        assertThat(scalar("select count(*) from subscriber where phone = ?", phone)).isEqualTo(1);

        // the privacy officer sees both the subscription and the withdrawal, with notice version and evidence
        StaffClient api = new StaffClient(URI.create(base.toString()));
        String officer = "po" + new Random().nextInt(1_000_000);
        assertThat(api.sendJson("POST", "api/v1/staff", StaffClient.basic("admin", Deployments.adminPassword()),
                "{\"username\":\"" + officer + "\",\"displayName\":\"PO\",\"password\":\"Privacy-officer-pass-1\",\"roles\":[\"PRIVACY_OFFICER\"]}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> found = api.get("api/v1/consents/subscribers?number=" + URLEncoder.encode(phone.substring(3), StandardCharsets.UTF_8),
                StaffClient.basic(officer, "Privacy-officer-pass-1"));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        JsonArray consents = Json.createReader(new StringReader(found.body())).readArray().getJsonObject(0).getJsonArray("consents");
        assertThat(consents.stream().map(v -> v.asJsonObject().getString("action")).toList())
                .containsExactly("GRANTED", "CHANGED", "WITHDRAWN", "GRANTED");
        assertThat(consents.getJsonObject(2).getInt("noticeVersion")).isEqualTo((int) currentNoticeVersion());
        assertThat(consents.getJsonObject(2).getJsonObject("evidence").getString("inboundMessageSha256Salted")).hasSize(64);
        long grant = consents.getJsonObject(0).getJsonNumber("id").longValue();
        JsonObject receipt = StaffClient.object(api.get("api/v1/consents/receipts/" + grant, StaffClient.basic(officer, "Privacy-officer-pass-1")));
        assertThat(receipt.getString("version")).isEqualTo("KI-CR-v1.1.0");
        assertThat(receipt.getString("jurisdiction")).isEqualTo("IT");
        assertThat(receipt.getString("collectionMethod")).isEqualTo("WHATSAPP_KEYWORD");
        assertThat(receipt.getString("piiPrincipalId")).isEqualTo("citizen:" + id);
        assertThat(receipt.getString("policyUrl")).endsWith("/privacy.xhtml");
        assertThat(receipt.getJsonArray("services").getJsonObject(0).getJsonArray("purposes")).hasSize(5);
        assertThat(receipt.getJsonObject("extensions").getString("noticeSha256")).hasSize(64);
        assertThat(receipt.toString()).doesNotContain(phone.substring(1));
        HttpResponse<String> byChannel = api.get("api/v1/consents/subscribers?channel=WEB_DOUBLE_OPT_IN&number="
                + URLEncoder.encode(phone, StandardCharsets.UTF_8), StaffClient.basic(officer, "Privacy-officer-pass-1"));
        assertThat(byChannel.body()).as("this subscriber consented by chat only").isEqualTo("[]");
        HttpResponse<String> byKeyword = api.get("api/v1/consents/subscribers?channel=WHATSAPP_KEYWORD&state=ACTIVE&number="
                + URLEncoder.encode(phone, StandardCharsets.UTF_8), StaffClient.basic(officer, "Privacy-officer-pass-1"));
        assertThat(byKeyword.body()).contains("\"id\":" + id);

        StaffClient browser = new StaffClient(URI.create(base.toString()));
        assertThat(browser.formLogin(officer, "Privacy-officer-pass-1").statusCode()).isEqualTo(302);
        HttpResponse<String> page = browser.get("console/consent/register.xhtml", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("nav-consent");
        HttpResponse<String> byNumber = browser.postRaw("console/consent/register.xhtml", "register=register&register%3Aapply=&register%3Anumber="
                + URLEncoder.encode(phone.substring(3), StandardCharsets.UTF_8) + "&jakarta.faces.ViewState="
                + URLEncoder.encode(StaffClient.viewState(page.body()), StandardCharsets.UTF_8));
        assertThat(byNumber.body()).as("found by its number written without +39").contains(phone);
    }

    @Test
    void anErasureLeavesNoPhoneNumberAnywhereInTheDatabase() throws Exception {
        String phone = randomNumber();
        String digits = phone.substring(1);
        say(phone, "{\"text\":\"ISCRIVIMI\"}");
        awaitMessage(phone, 1);
        say(phone, "{\"buttonId\":\"consent:accept\"}");
        awaitMessage(phone, 3);
        say(phone, "{\"text\":\"una domanda personale con il mio numero " + phone + "\"}");
        awaitMessage(phone, 4);
        long id = scalar("select id from subscriber where phone = ?", phone);
        await(() -> unprocessedWebhooksOf(digits) == 0);
        assertThat(tablesContaining(digits)).as("before erasure").contains("subscriber", "inbound_message", "webhook_event");
        // Meta's message ids carry the number (base64 inside the wamid, as the sandbox's do): they must go too
        java.util.List<String> wamids = texts("select message_id from inbound_message where wa_id = ?", digits);
        assertThat(wamids).hasSizeGreaterThanOrEqualTo(3);
        assertThat(new String(java.util.Base64.getDecoder().decode(wamids.get(0).substring("wamid.".length())), StandardCharsets.ISO_8859_1))
                .contains(digits);

        StaffClient api = new StaffClient(URI.create(base.toString()));
        String officer = "po" + new Random().nextInt(1_000_000);
        api.sendJson("POST", "api/v1/staff", StaffClient.basic("admin", Deployments.adminPassword()),
                "{\"username\":\"" + officer + "\",\"displayName\":\"PO\",\"password\":\"Privacy-officer-pass-1\",\"roles\":[\"PRIVACY_OFFICER\"]}");
        String po = StaffClient.basic(officer, "Privacy-officer-pass-1");
        JsonObject export = StaffClient.object(api.get("api/v1/consents/subscribers/" + id + "/export", po));
        assertThat(export.getJsonObject("subscriber").getString("phone")).isEqualTo(phone);
        assertThat(export.getJsonArray("consents")).hasSize(1);
        assertThat(export.getJsonArray("messages").size()).isGreaterThanOrEqualTo(3);
        assertThat(export.getJsonArray("deliveries")).as("no campaign reached this new subscriber yet").isNotNull();
        HttpResponse<String> readable = api.get("api/v1/consents/subscribers/" + id + "/export.html", po);
        assertThat(readable.statusCode()).isEqualTo(200);
        assertThat(readable.body()).contains("<h2>Consensi</h2>").contains(phone).contains("GRANTED");

        assertThat(api.sendJson("POST", "api/v1/consents/subscribers/" + id + "/erasure", po, "{\"requestedOn\":\"2099-01-01\"}").statusCode())
                .as("a request date in the future").isEqualTo(400);
        HttpResponse<String> erased = api.sendJson("POST", "api/v1/consents/subscribers/" + id + "/erasure", po,
                "{\"requestedOn\":\"" + java.time.LocalDate.now().minusDays(2) + "\"}");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);
        // a webhook that was being processed during the erasure, before the number was suppressed, and kept its raw
        // copy after the erasure had removed the processed ones: the follow-up removes it
        long racing = -Math.abs(new Random().nextLong() % 1_000_000_000L) - 1;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into webhook_event (id, received_at, body, processed_at) values (?, current_timestamp, ?, current_timestamp)")) {
            s.setLong(1, racing);
            s.setString(2, "{\"statuses\":[{\"id\":\"wamid.RACE\",\"status\":\"read\",\"recipient_id\":\"" + digits + "\"}]}");
            s.executeUpdate();
        }

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
        await(() -> scalar("select count(*) from message_status where wamid = ?", wamid) == 1 && unprocessedWebhooksOf(digits) == 0);

        // Meta's copy (the sandbox's own table, absent in production) is not the city's data; statuses of the replies
        // may still be arriving (a read comes 1.5 s after the send): once all are in and processed, nothing is left
        await(() -> pendingStatuses(phone) == 0 && unprocessedWebhooksOf(digits) == 0 && tablesContaining(digits).isEmpty());
        assertThat(tablesContaining(digits)).as("no table holds the number after erasure").isEmpty();
        assertThat(scalar("select count(*) from webhook_event where id = ?", racing)).as("the late-committed copy").isZero();
        for (String citizensMessage : wamids) {
            assertThat(tablesContaining(citizensMessage)).as("no table holds the citizen's message id after erasure").isEmpty();
        }
        assertThat(text("select state from subscriber where id = ?", id)).isEqualTo("ERASED");
        assertThat(scalar("select count(*) from consent_record where subscriber_id = ?", id)).as("the pseudonymous history stays").isEqualTo(1);
        assertThat(scalar("select count(*) from suppression", null)).isPositive();
        assertThat(scalar("select count(*) from audit_event where action = 'DATA_ERASED' and target_id = ?", String.valueOf(id))).isEqualTo(1);
        assertThat(api.sendJson("POST", "api/v1/consents/subscribers/" + id + "/erasure", po, "{\"requestedOn\":\"2026-01-01\"}").statusCode())
                .isEqualTo(409);
    }

    @Test
    void dataSubjectRequestsByChatAndByTheOfficeRunAgainstTheirDeadline() throws Exception {
        String phone = randomNumber();
        say(phone, "{\"text\":\"ISCRIVIMI\"}");
        awaitMessage(phone, 1);
        say(phone, "{\"buttonId\":\"consent:accept\"}");
        awaitMessage(phone, 3);
        long id = scalar("select id from subscriber where phone = ?", phone);

        // PRIVACY offers the receipt, the data and the erasure
        say(phone, "{\"text\":\"privacy\"}");
        JsonObject privacy = awaitMessage(phone, 4);
        assertThat(privacy.getJsonArray("buttons").stream().map(b -> b.asJsonObject().getString("id")))
                .containsExactly("privacy:receipt", "privacy:access", "privacy:erase");
        say(phone, "{\"buttonId\":\"privacy:receipt\"}");
        String receipt = awaitMessage(phone, 5).getString("text");
        assertThat(receipt).contains("Ricevuta del consenso").contains("WHATSAPP_KEYWORD")
                .contains(text("select notice_hash from consent_record where subscriber_id = ?", id));
        assertThat(scalar("select count(*) from audit_event where action = 'CONSENT_RECEIPT_EXPORTED' and actor = ?", "citizen:" + id)).isEqualTo(1);

        // access request by chat, once even if asked twice, with its deadline
        String due = java.time.LocalDate.now().plusMonths(1).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        say(phone, "{\"text\":\"I miei dati!\"}");
        assertThat(awaitMessage(phone, 6).getString("text")).contains("Richiesta di accesso").contains(due);
        say(phone, "{\"buttonId\":\"privacy:access\"}");
        awaitMessage(phone, 7);
        assertThat(scalar("select count(*) from subject_request where subscriber_id = ?", id)).as("one open request per kind").isEqualTo(1);

        StaffClient api = new StaffClient(URI.create(base.toString()));
        String officer = "po" + new Random().nextInt(1_000_000);
        api.sendJson("POST", "api/v1/staff", StaffClient.basic("admin", Deployments.adminPassword()),
                "{\"username\":\"" + officer + "\",\"displayName\":\"PO\",\"password\":\"Privacy-officer-pass-1\",\"roles\":[\"PRIVACY_OFFICER\"]}");
        String po = StaffClient.basic(officer, "Privacy-officer-pass-1");
        JsonObject access = StaffClient.json(api.get("api/v1/consents/requests?state=OPEN", po)).asJsonArray().stream()
                .map(v -> v.asJsonObject()).filter(r -> r.getJsonNumber("subscriberId").longValue() == id).findFirst().orElseThrow();
        assertThat(access.getString("kind")).isEqualTo("ACCESS");
        assertThat(access.getString("channel")).isEqualTo("CHAT");
        assertThat(access.getString("dueOn")).isEqualTo(java.time.LocalDate.now().plusMonths(1).toString());
        long accessId = access.getJsonNumber("id").longValue();
        HttpResponse<String> done = api.sendJson("POST", "api/v1/consents/requests/" + accessId + "/completion", po, "{\"comment\":\"export sent\"}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(StaffClient.object(done).getString("state")).isEqualTo("COMPLETED");
        assertThat(api.sendJson("POST", "api/v1/consents/requests/" + accessId + "/completion", po, "{}").statusCode())
                .as("already closed").isEqualTo(409);

        // bad input for the office's registrations
        assertThat(api.sendJson("POST", "api/v1/consents/requests", po, "{\"number\":\"" + randomNumber()
                + "\",\"kind\":\"ACCESS\",\"receivedOn\":\"2026-01-05\"}").statusCode()).as("unknown number").isEqualTo(404);
        assertThat(api.sendJson("POST", "api/v1/consents/requests", po, "{\"number\":\"" + phone
                + "\",\"kind\":\"ACCESS\",\"receivedOn\":\"2099-01-05\"}").statusCode()).as("future date").isEqualTo(400);
        HttpResponse<String> badKind = api.sendJson("POST", "api/v1/consents/requests", po, "{\"number\":\"" + phone
                + "\",\"kind\":\"COFFEE\",\"receivedOn\":\"2026-01-05\"}");
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(StaffClient.object(badKind).getString("error")).isEqualTo("invalid_kind");

        // erasure asked in the chat (with a confirmation): consent withdrawn at once, data erased by the officer
        say(phone, "{\"buttonId\":\"privacy:erase\"}");
        assertThat(awaitMessage(phone, 8).getJsonArray("buttons").getJsonObject(0).getString("id")).isEqualTo("privacy:erase!");
        assertThat(text("select state from subscriber where id = ?", id)).as("nothing happens before the confirmation").isEqualTo("ACTIVE");
        say(phone, "{\"buttonId\":\"privacy:erase!\"}");
        assertThat(awaitMessage(phone, 9).getString("text")).contains("Richiesta di cancellazione").contains(due);
        assertThat(text("select state from subscriber where id = ?", id)).isEqualTo("UNSUBSCRIBED");
        assertThat(scalar("select count(*) from consent_record where subscriber_id = ? and action = 'WITHDRAWN'", id)).isEqualTo(1);
        long erasureId = scalar("select id from subject_request where subscriber_id = ? and kind = 'ERASURE' and state = 'OPEN'", id);
        assertThat(api.sendJson("POST", "api/v1/consents/requests/" + erasureId + "/rejection", po, "{}").statusCode())
                .as("a rejection needs a reason").isEqualTo(400);
        assertThat(api.sendJson("POST", "api/v1/consents/requests/" + erasureId + "/completion", po, "{}").statusCode()).isEqualTo(200);
        assertThat(text("select state from subscriber where id = ?", id)).isEqualTo("ERASED");
        assertThat(text("select state from subject_request where id = ?", erasureId)).isEqualTo("COMPLETED");
        assertThat(scalar("select count(*) from audit_event where action = 'SUBJECT_REQUEST_RECEIVED' and target_type = 'subject_request'"
                + " and target_id in (select cast(id as varchar(20)) from subject_request where subscriber_id = ?)", id)).isEqualTo(2);
        assertThat(scalar("select count(*) from audit_event where action = 'DATA_ERASED' and target_id = ?", String.valueOf(id))).isEqualTo(1);

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
        HttpResponse<String> pdf = browser.postRaw("console/consent/register.xhtml", "register=register&register%3Apdf=&jakarta.faces.ViewState="
                + URLEncoder.encode(StaffClient.viewState(register.body()), StandardCharsets.UTF_8));
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).contains("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");
    }

    /** Tables (except the sandbox's) with a text column containing the value. */
    private java.util.List<String> tablesContaining(String value) throws Exception {
        java.util.Set<String> tables = new java.util.TreeSet<>();
        try (Connection c = dataSource.getConnection()) {
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
                    try (PreparedStatement s = c.prepareStatement("select count(*) from " + entry.getKey() + " where cast(" + column + " as varchar(100000)) like ?")) {
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

    /** Status webhooks the sandbox has still to post about messages to this number. */
    private long pendingStatuses(String phone) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base.toString())
                .resolve("sandbox/api/pending-statuses?to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        return Json.createReader(new StringReader(response.body())).readObject().getInt("pending");
    }

    /** This number's webhooks not processed yet (other tests' leftovers are not this test's business). */
    private long unprocessedWebhooksOf(String digits) throws Exception {
        return scalar("select count(*) from webhook_event where processed_at is null and body like ?", "%" + digits + "%");
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.call()) {
            assertThat(System.currentTimeMillis()).as("condition within 15 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void webDoubleOptInActivatesOnlyWhenConfirmedFromThatPhoneInTime() throws Exception {
        String phone = randomNumber();
        HttpResponse<String> page = webRequest(phone.substring(3), true, "weather", "emergencies", "@sacconago");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"subscribe:sent\"");
        JsonObject confirmation = awaitMessage(phone, 1);
        assertThat(confirmation.getString("templateName")).isEqualTo("conferma_iscrizione");
        String confirm = confirmation.getJsonArray("buttons").getJsonObject(0).getString("id");
        assertThat(confirm).startsWith("webconfirm:");
        assertThat(scalar("select count(*) from subscriber where phone = ?", phone)).as("nothing active before confirmation").isZero();

        // another phone cannot confirm it
        String other = randomNumber();
        say(other, "{\"buttonId\":\"" + confirm + "\",\"title\":\"Confermo\"}");
        assertThat(awaitMessage(other, 1).getString("text")).contains("non è più valida");

        say(phone, "{\"buttonId\":\"" + confirm + "\"}");
        assertThat(awaitMessage(phone, 2).getString("text")).startsWith("✅ Iscrizione confermata");
        long id = scalar("select id from subscriber where phone = ?", phone);
        assertThat(text("select state from subscriber where id = ?", id)).isEqualTo("ACTIVE");
        assertThat(text("select topics from subscriber where id = ?", id)).isEqualTo("emergencies,weather");
        assertThat(text("select neighbourhoods from subscriber where id = ?", id)).as("chosen on the page").isEqualTo("sacconago");
        assertThat(text("select channel from consent_record where subscriber_id = ?", id)).isEqualTo("WEB_DOUBLE_OPT_IN");
        assertThat(text("select evidence from consent_record where subscriber_id = ?", id))
                .contains("ipSha256Salted").contains("userAgent").contains("webRequestId").doesNotContain("127.0.0.1");

        // a second tap does nothing more
        say(phone, "{\"buttonId\":\"" + confirm + "\"}");
        assertThat(awaitMessage(phone, 3).getString("text")).contains("non è più valida");
        assertThat(scalar("select count(*) from consent_record where subscriber_id = ?", id)).isEqualTo(1);
    }

    @Test
    void leavingFromTheWebPageIsConfirmedOnWhatsAppAndSendsNothingToOthers() throws Exception {
        String phone = randomNumber();
        say(phone, "{\"text\":\"ISCRIVIMI\"}");
        awaitMessage(phone, 1);
        say(phone, "{\"buttonId\":\"consent:accept\"}");
        awaitMessage(phone, 3);

        assertThat(unsubscribeRequest(phone.substring(3)).body()).contains("id=\"unsubscribe:sent\"");
        JsonObject ask = awaitMessage(phone, 4);
        assertThat(ask.getString("templateName")).isEqualTo("conferma_cancellazione");
        say(phone, "{\"buttonId\":\"" + ask.getJsonArray("buttons").getJsonObject(0).getString("id") + "\"}");
        assertThat(awaitMessage(phone, 5).getString("text")).startsWith("Fatto");
        assertThat(scalar("select count(*) from subscriber where phone = ? and state = 'UNSUBSCRIBED'", phone)).isEqualTo(1);

        String stranger = randomNumber();
        assertThat(unsubscribeRequest(stranger).body()).as("same answer for a number that is not subscribed").contains("id=\"unsubscribe:sent\"");
        Thread.sleep(1000);
        assertThat(messages(stranger)).as("nothing sent to a number that is not subscribed").isEmpty();
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
        return scalar("select max(version) from privacy_notice", null);
    }

    @Test
    void aNoticeThatChangesPurposesAsksActiveSubscribersToReconfirm() throws Exception {
        String phone = randomNumber();
        say(phone, "{\"text\":\"ISCRIVIMI\"}");
        awaitMessage(phone, 1);
        say(phone, "{\"buttonId\":\"consent:accept\"}");
        awaitMessage(phone, 3);
        long id = scalar("select id from subscriber where phone = ?", phone);
        it.filodiretto.domain.consent.PrivacyNotice current = notices.inForce();

        it.filodiretto.domain.consent.PrivacyNotices.Published same = notices.publish(current.text() + "\n(typo fixed)", current.summary(),
                current.url(), current.purposes(), "po-test");
        assertThat(same.notice().version()).isEqualTo(current.version() + 1);
        assertThat(same.subscribersToReconfirm()).isZero();
        assertThat(text("select reconsent_due_by from subscriber where id = ?", id)).isNull();

        it.filodiretto.domain.consent.PrivacyNotices.Published changed = notices.publish(current.text() + "\nNuova finalità: sondaggi.",
                current.summary(), current.url(), java.util.List.of("public_utility", "emergencies", "surveys"), "po-test");
        assertThat(changed.subscribersToReconfirm()).isPositive();
        assertThat(text("select reconsent_due_by from subscriber where id = ?", id)).isNotNull();

        // every active subscriber gets the re-confirmation request, through the dispatch engine
        JsonObject broadcast = awaitMessage(phone, 4, 30_000);
        assertThat(broadcast.getString("templateName")).isEqualTo("rinnovo_consenso");
        assertThat(broadcast.getJsonArray("buttons").getJsonObject(0).getString("id")).isEqualTo("consent:renew");
        // writing ISCRIVIMI asks the same
        say(phone, "{\"text\":\"iscrivimi\"}");
        JsonObject ask = awaitMessage(phone, 5);
        assertThat(ask.getString("text")).contains("aggiornato l'informativa");
        assertThat(ask.getJsonArray("buttons").toString()).contains("consent:renew");
        say(phone, "{\"buttonId\":\"consent:renew\"}");
        assertThat(awaitMessage(phone, 6).getString("text")).startsWith("Grazie");
        assertThat(text("select reconsent_due_by from subscriber where id = ?", id)).isNull();
        assertThat(scalar("select notice_version from consent_record where subscriber_id = ? and action = 'RENEWED'", id))
                .isEqualTo(changed.notice().version());
        assertThatThrownBy(() -> notices.publish(" ", "x", "http://x/y", java.util.List.of("a"), "po-test"))
                .hasMessageContaining("invalid_notice");
    }

    @Test
    void retentionPurgesOldMessagesAndRequestsAndAuditsCountsOnly() throws Exception {
        String phone = randomNumber();
        say(phone, "{\"text\":\"aiuto\"}");
        awaitMessage(phone, 1);
        // the reply leaves before the transaction that records the message commits
        await(() -> scalar("select count(*) from inbound_message where wa_id = ?", phone.substring(1)) == 1);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update inbound_message set received_at = ? where wa_id = ?")) {
            s.setObject(1, java.time.OffsetDateTime.now().minusDays(91));
            s.setString(2, phone.substring(1));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        java.util.Map<String, Object> purged = retention.apply();

        assertThat(((Number) purged.get("inboundMessages")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(scalar("select count(*) from inbound_message where wa_id = ?", phone.substring(1))).isZero();
        String details = text("select details from audit_event where action = 'RETENTION_APPLIED' order by seq desc fetch first 1 rows only", null);
        assertThat(details).contains("\"inboundMessages\":").contains("\"inboundDays\":90").doesNotContain(phone.substring(1));
    }

    @Test
    void anExpiredWebRequestCannotBeConfirmed() throws Exception {
        String phone = randomNumber();
        webRequest(phone.substring(3), true, "deadlines");
        String confirm = awaitMessage(phone, 1).getJsonArray("buttons").getJsonObject(0).getString("id");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update web_request set expires_at = ? where token = ?")) {
            s.setObject(1, java.time.OffsetDateTime.now().minusMinutes(1));
            s.setString(2, confirm.substring("webconfirm:".length()));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        say(phone, "{\"buttonId\":\"" + confirm + "\"}");
        assertThat(awaitMessage(phone, 2).getString("text")).contains("non è più valida");
        assertThat(scalar("select count(*) from subscriber where phone = ? and state = 'ACTIVE'", phone)).isZero();
    }

    @Test
    void theWebPageRefusesMissingConsentBadNumbersAndTooManyRequests() throws Exception {
        assertThat(webRequest("340 111 22", true, "weather").body()).contains("Numero di telefono non valido");
        assertThat(webRequest("0331 390111", true, "weather").body()).contains("non è un cellulare");
        String phone = randomNumber();
        assertThat(webRequest(phone, false, "weather").body()).contains("serve il consenso");
        for (int i = 0; i < 3; i++) {
            assertThat(webRequest(phone, true, "weather").body()).contains("id=\"subscribe:sent\"");
        }
        HttpResponse<String> fourth = webRequest(phone, true, "weather");
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
        String phone = randomNumber();
        say(phone, "{\"text\":\"ISCRIVIMI\"}");
        awaitMessage(phone, 1);
        say(phone, "{\"buttonId\":\"consent:accept\"}");
        awaitMessage(phone, 3);

        say(phone, "{\"text\":\"Quartiere\"}");
        JsonObject list = awaitMessage(phone, 4);
        assertThat(list.getJsonObject("list").toString()).contains("area:*").contains("area:centro").contains("Sacconago");
        say(phone, "{\"listId\":\"area:centro\"}");
        assertThat(awaitMessage(phone, 5).getString("text")).contains("Centro");
        say(phone, "{\"listId\":\"area:borsano\"}");
        awaitMessage(phone, 6);
        long id = scalar("select id from subscriber where phone = ?", phone);
        assertThat(text("select neighbourhoods from subscriber where id = ?", id)).isEqualTo("borsano,centro");
        say(phone, "{\"listId\":\"area:*\"}");
        assertThat(awaitMessage(phone, 7).getString("text")).contains("Tutta la città");
        assertThat(text("select neighbourhoods from subscriber where id = ?", id)).isEmpty();
        assertThat(scalar("select count(*) from audit_event where action = 'NEIGHBOURHOODS_CHANGED' and target_id = ?", String.valueOf(id))).isEqualTo(3);
    }

    @Inject
    it.filodiretto.integration.sandbox.WebhookPoster poster;

    @Test
    void whatsAppsMarketingOptOutIsRecordedOnTheSubscriber() throws Exception {
        String phone = randomNumber();
        say(phone, "{\"text\":\"ISCRIVIMI\"}");
        awaitMessage(phone, 1);
        say(phone, "{\"buttonId\":\"consent:accept\"}");
        awaitMessage(phone, 3);
        long id = scalar("select id from subscriber where phone = ?", phone);

        JsonObject optOut = Json.createReader(new StringReader("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\","
                + "\"changes\":[{\"field\":\"user_preferences\",\"value\":{\"messaging_product\":\"whatsapp\",\"user_preferences\":"
                + "[{\"wa_id\":\"" + phone.substring(1) + "\",\"category\":\"marketing_messages\",\"value\":\"stop\",\"timestamp\":1731705721}]}}]}]}"))
                .readObject();
        assertThat(poster.post(optOut)).isEqualTo(200);
        await(() -> "TRUE".equalsIgnoreCase(text("select marketing_opt_out from subscriber where id = ?", id)));

        assertThat(text("select state from subscriber where id = ?", id)).as("utility consent untouched").isEqualTo("ACTIVE");
        assertThat(scalar("select count(*) from audit_event where action = 'MARKETING_PREFERENCE_CHANGED' and target_id = ?",
                String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void aStopFromAnUnknownNumberIsAnsweredAndCreatesNothing() throws Exception {
        String phone = randomNumber();
        say(phone, "{\"text\":\"STOP\"}");

        JsonObject answer = awaitMessage(phone, 1);
        assertThat(answer.getString("text")).contains("non è iscritto");
        assertThat(scalar("select count(*) from subscriber where phone = ?", phone)).isZero();
    }

    @Test
    void anAcceptWithoutAPendingRequestActivatesNothing() throws Exception {
        String phone = randomNumber();
        say(phone, "{\"buttonId\":\"consent:accept\",\"title\":\"Accetto\"}");

        JsonObject answer = awaitMessage(phone, 1);
        assertThat(answer.getString("text")).contains("ISCRIVIMI");
        assertThat(scalar("select count(*) from subscriber where phone = ?", phone)).isZero();
    }

    @Test
    void decliningLeavesTheCitizenUnsubscribedWithoutConsent() throws Exception {
        String phone = randomNumber();
        say(phone, "{\"text\":\"attiva\"}");
        awaitMessage(phone, 1);
        say(phone, "{\"buttonId\":\"consent:decline\"}");
        awaitMessage(phone, 2);

        long id = scalar("select id from subscriber where phone = ?", phone);
        assertThat(text("select state from subscriber where id = ?", id)).isEqualTo("UNSUBSCRIBED");
        assertThat(scalar("select count(*) from consent_record where subscriber_id = ?", id)).isZero();
    }

    @Test
    void helpPrivacyAndOtherTextsAreAnswered() throws Exception {
        String phone = randomNumber();
        say(phone, "{\"text\":\"aiuto\"}");
        assertThat(awaitMessage(phone, 1).getString("text")).contains("ISCRIVIMI").contains("STOP");
        say(phone, "{\"text\":\"Privacy?\"}");
        assertThat(awaitMessage(phone, 2).getString("text")).contains("/privacy.xhtml").contains("versione " + currentNoticeVersion());
        say(phone, "{\"text\":\"ciao\"}");
        assertThat(awaitMessage(phone, 3).getString("text")).contains("assistente automatico").contains("ISCRIVIMI").contains("OPERATORE");

        HttpResponse<String> notice = http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("privacy.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notice.statusCode()).isEqualTo(200);
        assertThat(notice.body()).contains(text("select text_hash from privacy_notice where version = ?", currentNoticeVersion()));
    }

    // ---------- helpers ----------

    private void say(String phone, String action) throws Exception {
        String body = "{\"from\":\"" + phone + "\"," + action.substring(1);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("sandbox/api/inbound"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo("{\"status\":200}");
    }

    private JsonArray messages(String phone) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base.toString())
                .resolve("sandbox/api/messages?to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    /** Waits until the number has received {@code count} messages; returns the last. */
    private JsonObject awaitMessage(String phone, int count) throws Exception {
        return awaitMessage(phone, count, 15_000);
    }

    private JsonObject awaitMessage(String phone, int count, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        JsonArray received = messages(phone);
        while (received.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(150);
            received = messages(phone);
        }
        assertThat(received).as("messages received by " + phone).hasSize(count);
        // replies leave before the transaction that processed the citizen's message commits: wait for it
        await(() -> unprocessedWebhooksOf(phone.substring(1)) == 0);
        return received.getJsonObject(count - 1);
    }

    private long scalar(String sql, Object parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setObject(1, parameter);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : -1;
            }
        }
    }

    private String text(String sql, Object parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setObject(1, parameter);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private java.util.List<String> texts(String sql, Object parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            java.util.List<String> values = new java.util.ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
            return values;
        }
    }
}
