package it.filodiretto.web.it;

import it.filodiretto.integration.whatsapp.TemplateSync;
import it.filodiretto.domain.whatsapp.MessageTemplate;
import it.filodiretto.domain.whatsapp.TemplateRegistry;
import it.filodiretto.domain.whatsapp.ErrorClass;
import it.filodiretto.domain.whatsapp.MessageCategory;
import it.filodiretto.domain.whatsapp.OutboundMessage;
import it.filodiretto.domain.whatsapp.SendResult;
import it.filodiretto.domain.whatsapp.StatusRecord;
import it.filodiretto.domain.whatsapp.WhatsAppEvents;
import it.filodiretto.domain.whatsapp.WhatsAppGateway;
import it.filodiretto.integration.sandbox.WebhookPoster;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WhatsApp client against the sandbox, in the container: sending and reading back, signed status
 * webhooks applied once, retries on transient errors only, the circuit breaker, the webhook's refusals.
 */
@ExtendWith(ArquillianExtension.class)
class WhatsAppIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(WhatsAppIT.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    WhatsAppGateway gateway;

    @Inject
    WhatsAppEvents events;

    @Inject
    WhatsAppSettings settings;

    @Inject
    WebhookPoster poster;

    @Inject
    TemplateRegistry templates;

    @Inject
    TemplateSync templateSync;

    private final Db db = new Db();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static String randomNumber() {
        return "+39340" + (1_000_000 + new Random().nextInt(8_999_999));
    }

    private static OutboundMessage.Template alert(String to) {
        return new OutboundMessage.Template(to, "allerta_meteo", "it", List.of("gialla"),
                List.of("gialla", "pioggia intensa", "Prudenza alla guida.", "domani alle 12"), List.of());
    }

    @AfterEach
    void noFaults() throws Exception {
        faults("{\"serverErrorRate\":0,\"rateLimitRate\":0,\"latencyMs\":0,\"timeoutRate\":0,\"permanentErrorRate\":0,\"failNext\":0}");
    }

    @Test
    void aTemplateSentThroughTheClientShowsUpInTheSandboxAndItsStatusesComeBackOnce() throws Exception {
        String to = randomNumber();
        SendResult result = gateway.send(alert(to), MessageCategory.UTILITY);

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
        String wamid = ((SendResult.Accepted) result).wamid();
        assertThat(wamid).startsWith("wamid.");
        JsonArray received = Json.createReader(new java.io.StringReader(
                get("sandbox/api/messages?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8)).body())).readArray();
        assertThat(received).hasSize(1);
        JsonObject message = received.getJsonObject(0);
        assertThat(message.getString("wamid")).isEqualTo(wamid);
        assertThat(message.getString("kind")).isEqualTo("template");
        assertThat(message.getString("templateName")).isEqualTo("allerta_meteo");
        assertThat(message.getString("text")).contains("*Allerta gialla* per pioggia intensa");
        assertThat(message.getJsonArray("parameters")).hasSize(5);

        Waiting.atMost(ofSeconds(15)).until(() -> events.statusesOf(wamid).size() == 3); // read-ratio is 1.0 in the tests
        assertThat(events.statusesOf(wamid)).extracting(StatusRecord::status).containsExactly("sent", "delivered", "read");

        // Meta may deliver the same status again: recorded once
        JsonObject again = Json.createReader(new java.io.StringReader("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\","
                + "\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"statuses\":[{\"id\":\"" + wamid
                + "\",\"status\":\"delivered\",\"timestamp\":\"1750000000\",\"recipient_id\":\"" + to.substring(1) + "\"}]}}]}]}"))
                .readObject();
        int before = events.statusesOf(wamid).size();
        assertThat(poster.post(again)).isEqualTo(200);
        assertThat(poster.post(again)).isEqualTo(200);
        Thread.sleep(1500);
        assertThat(events.statusesOf(wamid)).hasSize(before);
        assertThat(events.statusesOf(wamid).stream().filter(s -> s.status().equals("delivered")).count()).isEqualTo(1);
    }

    @Test
    void twoServerErrorsAreRetriedAndTheThirdAttemptSucceeds() throws Exception {
        long requestsBefore = requests();
        faults("{\"failNext\":2}");

        SendResult result = gateway.send(alert(randomNumber()), MessageCategory.UTILITY);

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
        assertThat(requests() - requestsBefore).isEqualTo(3);
    }

    @Test
    void permanentErrorsAreNotRetried() throws Exception {
        long requestsBefore = requests();
        faults("{\"permanentErrorRate\":1.0}");

        SendResult result = gateway.send(alert(randomNumber()), MessageCategory.UTILITY);

        assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class, r -> {
            assertThat(r.errorClass()).isEqualTo(ErrorClass.PERMANENT);
            assertThat(r.code()).isEqualTo(131026);
        });
        assertThat(requests() - requestsBefore).isEqualTo(1);
    }

    @Test
    void aFreeFormTextOutsideTheWindowIsRefusedPermanentlyByTheSandboxLikeMeta() {
        SendResult result = gateway.send(new OutboundMessage.Text(randomNumber(), "Ciao"), MessageCategory.UTILITY);

        assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class, r -> assertThat(r.code()).isEqualTo(131047));
    }

    @Test
    void theCircuitOpensUnderPersistentErrorsAndClosesAfterRecovery() throws Exception {
        faults("{\"serverErrorRate\":1.0}");
        SendResult last = null;
        for (int i = 0; i < 15; i++) {
            last = gateway.send(alert(randomNumber()), MessageCategory.UTILITY);
            if (last instanceof SendResult.Refused r && r.title().startsWith("circuit open")) {
                break;
            }
        }
        assertThat(last).isInstanceOfSatisfying(SendResult.Refused.class, r -> assertThat(r.title()).startsWith("circuit open"));
        long requestsWhileOpen = requests();
        assertThat(gateway.send(alert(randomNumber()), MessageCategory.UTILITY)).isInstanceOf(SendResult.Refused.class);
        assertThat(requests()).as("an open circuit does not call the API").isEqualTo(requestsWhileOpen);

        faults("{\"serverErrorRate\":0}");
        Thread.sleep(3500); // the breaker's delay in the tests (arquillian.xml)
        assertThat(gateway.send(alert(randomNumber()), MessageCategory.UTILITY)).isInstanceOf(SendResult.Accepted.class);
        assertThat(gateway.send(alert(randomNumber()), MessageCategory.UTILITY)).isInstanceOf(SendResult.Accepted.class);
        assertThat(gateway.send(alert(randomNumber()), MessageCategory.UTILITY)).isInstanceOf(SendResult.Accepted.class);
    }

    @Test
    void theWebhookRefusesBadSignaturesAndMalformedJsonAndStoresNothing() throws Exception {
        // a token of this test's own: status webhooks of other tests' sends may be stored meanwhile
        String token = "probe" + System.nanoTime();
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[],\"probe\":\"" + token + "\"}";
        String stored = "select count(*) from webhook_event where body like '%" + token + "%'";

        assertThat(postWebhook(body, null).statusCode()).isEqualTo(401);
        assertThat(postWebhook(body, "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(401);
        assertThat(postWebhook(body, WebhookSignature.sign("not-the-secret", body.getBytes(StandardCharsets.UTF_8))).statusCode())
                .isEqualTo(401);
        String malformed = "{\"probe\":\"" + token + "\",\"object\": ";
        HttpResponse<String> bad = postWebhook(malformed,
                WebhookSignature.sign(settings.appSecret(), malformed.getBytes(StandardCharsets.UTF_8)));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("malformed_json");
        assertThat(db.scalar(stored)).isZero();

        // the tests run with max-webhook-bytes=65536 (arquillian.xml)
        String huge = "{\"probe\":\"" + token + "\",\"x\":\"" + "a".repeat(70_000) + "\"}";
        try {
            // refused before the body is read: the server may close the connection while the client still sends
            assertThat(postWebhook(huge, WebhookSignature.sign(settings.appSecret(), huge.getBytes(StandardCharsets.UTF_8))).statusCode())
                    .isEqualTo(413);
        } catch (java.io.IOException closedEarly) {
            assertThat(closedEarly).hasMessageContaining("EOF");
        }
        assertThat(db.scalar(stored)).isZero();

        assertThat(postWebhook(body, WebhookSignature.sign(settings.appSecret(), body.getBytes(StandardCharsets.UTF_8))).statusCode())
                .isEqualTo(200);
        assertThat(db.scalar(stored)).isEqualTo(1);
    }

    @Inject
    it.filodiretto.integration.whatsapp.WebhookRecovery recovery;

    @Resource
    jakarta.transaction.UserTransaction transaction;

    /** Moves a stored webhook's arrival into the past, as if it had waited that long. */
    private void receivedAgo(long webhookEventId, java.time.Duration ago) throws Exception {
        assertThat(db.update("update webhook_event set received_at = ? where id = ?", java.time.OffsetDateTime.now().minus(ago),
                webhookEventId))
                .isEqualTo(1);
    }

    @Test
    void aStoredWebhookWhoseQueueMessageWasLostIsProcessedByTheRecoveryJob() throws Exception {
        String wamid = "wamid.LOST" + System.nanoTime();
        transaction.begin();
        long id = events.store("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"statuses\":[{\"id\":\"" + wamid
                + "\",\"status\":\"delivered\",\"timestamp\":\"1750000000\",\"recipient_id\":\"393400000000\"}]}}]}]}");
        transaction.commit(); // stored, never queued: as if the broker lost the message
        receivedAgo(id, java.time.Duration.ofMinutes(5));
        Thread.sleep(1000);
        assertThat(events.statusesOf(wamid)).isEmpty();

        recovery.requeueStale();

        Waiting.atMost(ofSeconds(10)).until(() -> events.statusesOf(wamid).size() == 1);
        assertThat(db.scalar("select requeues from webhook_event where id = " + id)).isEqualTo(1);
    }

    @Inject
    it.filodiretto.integration.whatsapp.WebhookProcessor processor;

    private static String statusWebhook(String wamid, String status) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"statuses\":[{\"id\":\"" + wamid
                + "\",\"status\":\"" + status + "\",\"timestamp\":\"1750000000\",\"recipient_id\":\"393400000000\"}]}}]}]}";
    }

    @Test
    void theStatusesOnlyWebhooksOfABatchAreAppliedTogetherAndTheOthersLeftForOneByOne() throws Exception {
        String wamid = "wamid.BATCH" + System.nanoTime();
        transaction.begin();
        long sent = events.store(statusWebhook(wamid, "sent"));
        long read = events.store(statusWebhook(wamid, "read"));
        long invalid = events.store(statusWebhook(wamid, "x".repeat(22)));
        long notJson = events.store("{\"object\":");
        transaction.commit(); // stored, not queued: processed below by hand

        List<Long> rest = processor.applyStatusesTogether(List.of(sent, read, invalid, notJson));

        assertThat(rest).containsExactly(invalid, notJson);
        assertThat(events.statusesOf(wamid)).extracting(StatusRecord::status).containsExactlyInAnyOrder("sent", "read");
        assertThat(db.scalar("select count(*) from webhook_event where processed_at is not null and id in (" + sent + ", " + read + ")"))
                .isEqualTo(2);
        assertThat(db.scalar("select count(*) from webhook_event where processed_at is null and id in (" + invalid + ", " + notJson + ")"))
                .isEqualTo(2);
        assertThat(processor.applyStatusesTogether(List.of(sent, read))).as("processed ones are not taken again").isEmpty();
        rest.forEach(processor::process);
        assertThat(db.scalar("select count(*) from webhook_event where processed_at is null and id in (" + invalid + ", " + notJson + ")"))
                .isZero();
    }

    @Test
    void concurrentWebhooksAreAllCommittedBeforeTheir200AndAllProcessed() throws Exception {
        String prefix = "wamid.CONC" + System.nanoTime() + "_";
        int n = 60;
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String body = statusWebhook(prefix + i, "delivered");
                answers.add(senders.submit(() -> postSigned(body).statusCode()));
            }
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            senders.shutdown();
        }
        // answered 200 only once committed: every body is stored by now
        assertThat(db.scalar("select count(*) from webhook_event where body like '%" + prefix + "%'")).isEqualTo(n);
        Waiting.atMost(ofSeconds(15)).until(() -> db.scalar("select count(*) from message_status where wamid like '" + prefix + "%'") == n);
    }

    private HttpResponse<String> postSigned(String body) throws Exception {
        return postWebhook(body, WebhookSignature.sign(settings.appSecret(), body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void noInputGetsA5xxAndAnyWellFormedSignedJsonGets200() throws Exception {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        HttpResponse<String> tooDeep = postSigned(deep);
        assertThat(tooDeep.statusCode()).isEqualTo(400);
        assertThat(tooDeep.body()).contains("too_deeply_nested");
        assertThat(postSigned("{\"a\":" + "{\"a\":".repeat(40) + "1" + "}".repeat(41)).statusCode()).as("deeper than 32").isEqualTo(400);
        for (String wellFormed : List.of("[]", "42", "\"text\"", "null", "{\"entry\":\"not an array\"}",
                "{\"entry\":[{\"changes\":[{\"value\":{\"statuses\":[1,null,{\"id\":{}}]}}]}]}")) {
            assertThat(postSigned(wellFormed).statusCode()).as(wellFormed).isEqualTo(200);
        }
        for (String malformed : List.of("", "{", "{\"a\":1}}", "\u0000", "[1,]", "{\"a\":1e999999999999}", "\"\\ud800\"")) {
            assertThat(postSigned(malformed).statusCode()).as(malformed).isIn(200, 400);
        }
        Waiting.atMost(ofSeconds(15))
                .until(() -> db.scalar("select count(*) from webhook_event where processed_at is null and dead_at is null") == 0);
    }

    @Test
    void anItemWithAnOverLongValueIsRejectedAloneAndTheRestOfTheWebhookIsProcessed() throws Exception {
        SandboxPhone citizen = new SandboxPhone(URI.create(base.toString()), db);
        String waId = citizen.number.substring(1);
        String wamid = "wamid.OK" + System.nanoTime();
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"contacts\":[{\"wa_id\":\"" + waId + "\"}],"
                + "\"messages\":[{\"from\":\"" + "9".repeat(220) + "\",\"id\":\"wamid.LONG" + System.nanoTime()
                + "\",\"timestamp\":\"1750000000\","
                + "\"type\":\"text\",\"text\":{\"body\":\"x\"}},"
                + "{\"from\":\"" + waId + "\",\"id\":\"wamid.IN" + System.nanoTime() + "\",\"timestamp\":\"1750000000\",\"type\":\"text\","
                + "\"text\":{\"body\":\"orari della biblioteca\"}}],"
                + "\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"" + "x".repeat(22) + "\",\"timestamp\":\"1750000000\"},"
                + "{\"id\":\"" + wamid + "\",\"status\":\"delivered\",\"timestamp\":\"1750000000\",\"recipient_id\":\"" + waId
                + "\"}]}}]}]}";
        citizen.says("ciao"); // opens WhatsApp's 24-hour window for the answer below
        citizen.awaitMessage(1);
        long before = db.scalar("select count(*) from webhook_rejection");
        assertThat(postSigned(body).statusCode()).isEqualTo(200);

        citizen.awaitMessage(2); // the valid message of the same webhook was answered
        Waiting.atMost(ofSeconds(10)).until(() -> events.statusesOf(wamid).size() == 1);
        Waiting.atMost(ofSeconds(10)).until(() -> db.scalar("select count(*) from webhook_rejection") == before + 2);
        assertThat(failures.rejections(2)).extracting(r -> r.reason())
                .containsExactlyInAnyOrder("from is not a WhatsApp number (5 to 20 digits)",
                        "status missing, or not 1 to 16 lower-case letters");
        assertThat(db.scalar("select count(*) from webhook_rejection where reason like '%9999%' or reason like '%xxxx%'"))
                .as("reasons never hold the values").isZero();
        Waiting.atMost(ofSeconds(10))
                .until(() -> db.scalar("select count(*) from webhook_event where processed_at is null and dead_at is null") == 0);
    }

    @Inject
    it.filodiretto.integration.api.WebhookFailures failures;

    @Test
    void aDeadWebhookWaitsForAPersonAndIsProcessedWhenRetried() throws Exception {
        String wamid = "wamid.DEAD" + System.nanoTime();
        transaction.begin();
        long id = events.store("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"statuses\":[{\"id\":\"" + wamid
                + "\",\"status\":\"read\",\"timestamp\":\"1750000000\",\"recipient_id\":\"393400000000\"}]}}]}]}");
        transaction.commit();
        for (int attempt = 1; attempt <= 5; attempt++) {
            transaction.begin();
            boolean dead = events.failed(id, "IllegalStateException: simulated failure " + attempt);
            transaction.commit();
            assertThat(dead).as("attempt " + attempt).isEqualTo(attempt == 5);
        }
        receivedAgo(id, java.time.Duration.ofHours(1));
        recovery.requeueStale();
        Thread.sleep(1000);
        assertThat(events.statusesOf(wamid)).as("a dead webhook is not retried by itself").isEmpty();
        assertThat(failures.dead(50)).extracting(e -> e.id()).contains(id);
        assertThat(get("health/ready").body()).contains("deadWebhooks");

        assertThat(failures.retry(id)).isTrue();
        Waiting.atMost(ofSeconds(10)).until(() -> events.statusesOf(wamid).size() == 1);
        Waiting.atMost(ofSeconds(10))
                .until(() -> db.scalar("select count(*) from webhook_event where processed_at is not null and id = " + id) == 1);
        assertThat(failures.dead(50)).extracting(e -> e.id()).doesNotContain(id);
        assertThat(failures.retry(id)).as("processed: nothing to retry").isFalse();
    }

    @Test
    void theVerificationHandshakeEchoesTheChallengeOnlyForTheRightToken() throws Exception {
        HttpResponse<String> ok = get("webhook/whatsapp?hub.mode=subscribe&hub.verify_token=it-verify-token&hub.challenge=1158201444");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(ok.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(get("webhook/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1").statusCode()).isEqualTo(403);
        assertThat(get("webhook/whatsapp?hub.mode=unsubscribe&hub.verify_token=it-verify-token&hub.challenge=1").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aCitizenWritingOnTheSimulatedPhoneArrivesThroughTheSignedWebhookOnce() throws Exception {
        String from = randomNumber();
        HttpResponse<String> response = post("sandbox/api/inbound", "{\"from\":\"" + from + "\",\"text\":\"Ciao, ISCRIVIMI\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":200}");

        String waId = from.substring(1);
        Waiting.atMost(ofSeconds(10)).until(() -> db.scalar("select count(*) from inbound_message where wa_id = '" + waId + "'") == 1);
        assertThat(events.recentInbound(50)).anySatisfy(m -> {
            assertThat(m.waId()).isEqualTo(waId);
            assertThat(m.text()).isEqualTo("Ciao, ISCRIVIMI");
            assertThat(m.userId()).startsWith("IT.");
        });

        assertThat(post("sandbox/api/inbound", "{\"from\":\"12\",\"text\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(post("sandbox/api/inbound", "{\"from\":\"" + from + "\"}").statusCode()).isEqualTo(400);
        assertThat(post("sandbox/api/inbound", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void aMarketingTemplateGoesToTheMarketingEndpointAndOnlyThere() throws Exception {
        String to = randomNumber();
        OutboundMessage.Template event = new OutboundMessage.Template(to, "eventi_in_citta", "it", List.of(),
                List.of("Notte bianca", "Sabato in centro, musei aperti fino a mezzanotte."), List.of());

        assertThat(gateway.send(event, MessageCategory.MARKETING)).isInstanceOf(SendResult.Accepted.class);
        // the bare '+' on purpose: docs/sandbox.md promises that it works as written
        JsonObject received = Json.createReader(new java.io.StringReader(get("sandbox/api/messages?to=" + to).body())).readArray()
                .getJsonObject(0);
        assertThat(received.getBoolean("marketing")).as("sent through /marketing_messages").isTrue();
        assertThat(received.getString("templateName")).isEqualTo("eventi_in_citta");

        // the way round, Meta (and the sandbox) refuse it with code 100 — permanent, not retried
        SendResult wrongEndpoint = gateway.send(event, MessageCategory.UTILITY);
        assertThat(wrongEndpoint).isInstanceOf(SendResult.Refused.class);
        assertThat(((SendResult.Refused) wrongEndpoint).code()).isEqualTo(100);
    }

    @Test
    void aboveTheThroughputLimitTheSandboxAnswers429WithCode130429() throws Exception {
        for (String wrong : new String[]{"{\"serverErrorRate\":1.5}", "{\"latencyMs\":-1}", "{\"timeoutRate\":\"half\"}"}) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("sandbox/api/faults"))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(wrong)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(wrong).isEqualTo(400);
            assertThat(refused.body()).contains("invalid_fault").contains("a number from");
        }
        faults("{\"maxMessagesPerSecond\":1}");
        try {
            String to = randomNumber();
            String payload = "{\"messaging_product\":\"whatsapp\",\"to\":\"" + to.substring(1) + "\",\"type\":\"template\","
                    + "\"template\":{\"name\":\"avviso_protezione_civile\",\"language\":{\"code\":\"it\"},\"components\":[{\"type\":\"body\","
                    + "\"parameters\":[{\"type\":\"text\",\"text\":\"prova\"}]}]}}";
            List<HttpResponse<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(http.send(
                        HttpRequest.newBuilder(URI.create(base.toString()).resolve("sandbox/graph/" + settings.apiVersion() + "/"
                                + settings.phoneNumberId() + "/messages")).header("Content-Type", "application/json")
                                .header("Authorization", "Bearer sandbox").POST(HttpRequest.BodyPublishers.ofString(payload)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            assertThat(answers.get(0).statusCode()).as(answers.get(0).body()).isEqualTo(200);
            assertThat(answers).anySatisfy(a -> {
                assertThat(a.statusCode()).isEqualTo(429);
                assertThat(Json.createReader(new java.io.StringReader(a.body())).readObject().getJsonObject("error").getInt("code"))
                        .isEqualTo(130429);
            });
        } finally {
            faults("{\"maxMessagesPerSecond\":0}");
        }
    }

    @Test
    void templatesAreSynchronisedFromTheCloudApiListAndThoseNoLongerListedAreDisabled() {
        // the sandbox lists the templates declared in the console, as Meta lists the account's approved ones
        templates.declare("ritirato_da_meta", "it", MessageCategory.UTILITY, MessageTemplate.Status.APPROVED, null,
                "Testo {{1}}", null, List.of(), MessageTemplate.Source.CLOUD_API, null);
        long declared = templates.all().stream().filter(t -> t.source() == MessageTemplate.Source.CONSOLE).count();

        assertThat(templateSync.synchronise()).isEqualTo((int) declared).isGreaterThan(5);

        assertThat(templates.find("ritirato_da_meta", "it").orElseThrow().status()).isEqualTo(MessageTemplate.Status.DISABLED);
        assertThat(templates.find("allerta_meteo", "it").orElseThrow().status()).isEqualTo(MessageTemplate.Status.APPROVED);
        assertThat(templates.find("allerta_meteo", "it").orElseThrow().bodyParameterCount()).isEqualTo(4);
        assertThat(templates.approved()).noneMatch(t -> t.name().equals("ritirato_da_meta"));
    }

    @Test
    void aReactionIsKeptAsAReactionAndGetsNoAnswer() throws Exception {
        SandboxPhone citizen = new SandboxPhone(URI.create(base.toString()), db);
        citizen.says("orari della biblioteca");
        citizen.awaitMessage(1); // the assistant's answer
        citizen.reacts("\uD83D\uDC4D");

        citizen.awaitProcessed();
        assertThat(db.scalar("select count(*) from inbound_message where wa_id = ? and type = 'reaction'", citizen.number.substring(1)))
                .isEqualTo(1);
        Thread.sleep(1000);
        assertThat(citizen.received()).as("no answer to a reaction").hasSize(1);
        assertThat(post("sandbox/api/inbound", "{\"from\":\"" + citizen.number + "\",\"reaction\":\"\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void theSimulatedPhonePageIsServed() throws Exception {
        HttpResponse<String> page = get("sandbox/phone");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"messages\"").contains("/resources/sandbox/phone.js").doesNotContain("@CONTEXT@");
    }

    // ---------- helpers ----------

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postWebhook(String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve("webhook/whatsapp"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void faults(String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("sandbox/api/faults"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private long requests() throws Exception {
        return Json.createReader(new java.io.StringReader(get("sandbox/api/faults").body())).readObject().getJsonNumber("requests")
                .longValue();
    }
}
