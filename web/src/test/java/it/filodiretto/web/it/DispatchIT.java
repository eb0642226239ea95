package it.filodiretto.web.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatch engine's reliability at a small size, in the container with the sandbox: injected API
 * faults, a total outage and its end, an unsubscription during sending, pause/resume/stop, and the rate
 * ceiling (80/s in these tests). Each test starts from an audience of its own (everybody else is set aside).
 */
@ExtendWith(ArquillianExtension.class)
class DispatchIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(DispatchIT.class, CampaignFixtures.class);
    }

    @ArquillianResource
    URL base;

    private final Db db = new Db();

    private static final String NO_FAULTS = "{\"serverErrorRate\":0,\"rateLimitRate\":0,\"timeoutRate\":0,\"latencyMs\":0,\"permanentErrorRate\":0}";

    private CampaignFixtures f;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void onlyThisTestsSubscribers() {
        f = new CampaignFixtures(URI.create(base.toString()), db);
        db.update("update subscriber set state = 'UNSUBSCRIBED' where state = 'ACTIVE'");
    }

    @AfterEach
    void faultsOff() throws Exception {
        faults(NO_FAULTS);
    }

    @Test
    void withApiFaultsEveryRecipientGetsExactlyOneMessage() throws Exception {
        List<String> phones = f.seedSubscribers(150, "public_utility", "");
        // timeouts are left out: a send without an answer may have been accepted, so it is flagged
        // (aSendWhoseAnswerIsLostAfterTheApiAcceptedItIsFlaggedAsAPossibleDuplicate)
        faults("{\"serverErrorRate\":0.10,\"rateLimitRate\":0.05}");
        String token = "F" + System.nanoTime();
        long id = f.sendNow("public_utility", token);
        Waiting.atMost(ofSeconds(120)).until(() -> f.state(id).equals("SENT"));
        faults(NO_FAULTS);
        JsonObject stats = f.stats(id);
        assertThat(stats.getJsonNumber("total").longValue()).isEqualTo(150);
        assertThat(stats.getJsonNumber("failed").longValue()).isZero();
        for (String phone : phones) {
            assertThat(f.messagesTo(phone, token)).as("messages to " + phone).isEqualTo(1);
        }
        assertThat(db.scalar("select count(*) from delivery where campaign_id = " + id + " and possible_duplicate = true")).isZero();
    }

    @Test
    void aSendWhoseAnswerIsLostAfterTheApiAcceptedItIsFlaggedAsAPossibleDuplicate() throws Exception {
        List<String> phones = f.seedSubscribers(1, "public_utility", "");
        faults("{\"loseAnswerTo\":\"" + phones.get(0) + "\"}");
        String token = "L" + System.nanoTime();
        long id = f.sendNow("public_utility", token);
        Waiting.atMost(ofSeconds(90)).until(() -> f.state(id).equals("SENT"));
        assertThat(db.scalar("select count(*) from delivery where campaign_id = " + id + " and possible_duplicate = true"))
                .isEqualTo(1);
        assertThat(f.messagesTo(phones.get(0), token)).as("accepted, answer lost, sent again").isEqualTo(2);
    }

    @jakarta.inject.Inject
    it.filodiretto.domain.campaign.Dispatch dispatch;

    @Test
    void aServerTakesBackOnlyTheClaimsOfServersThatAreGone() throws Exception {
        f.seedSubscribers(3, "public_utility", "");
        long id = f.sendNow("public_utility", "C" + System.nanoTime());
        Waiting.atMost(ofSeconds(60)).until(() -> f.state(id).equals("SENT"));
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        for (String[] server : new String[][]{{"live-" + id, "0"}, {"gone-" + id, "3600"}}) {
            db.update("insert into server_instance (id, started_at, heartbeat_at) values (?, ?, ?)",
                    server[0], now.minusHours(2), now.minusSeconds(Long.parseLong(server[1])));
        }
        List<Long> deliveries = db.list("select id from delivery where campaign_id = ? order by id", r -> r.getLong(1), id);
        String[] owners = {"live-" + id, "gone-" + id, null};
        for (int i = 0; i < 3; i++) {
            // a claimed delivery has no wamid yet, so late status webhooks of the real send cannot move it
            db.update(
                    "update delivery set state = 'SENDING', wamid = null, possible_duplicate = false, claimed_at = ?, claimed_by = ? where id = ?",
                    now.minusMinutes(1), owners[i], deliveries.get(i));
        }
        dispatch.resetClaimsOfGoneServers(now.minusSeconds(15)); // the clock's own round may have done it already
        assertThat(db.scalar(
                "select count(*) from delivery where campaign_id = " + id + " and state = 'SENDING' and claimed_by = 'live-" + id + "'"))
                .as("a live server's claim is left alone").isEqualTo(1);
        assertThat(db
                .scalar("select count(*) from delivery where campaign_id = " + id + " and state = 'QUEUED' and possible_duplicate = true"))
                .as("the gone server's claim and the unowned one").isEqualTo(2);
        db.update("update delivery set state = 'DELIVERED' where campaign_id = " + id);
        db.update("delete from server_instance where id in ('live-" + id + "', 'gone-" + id + "')");
    }

    @Test
    void aTotalOutageOpensTheCircuitLosesNothingAndSendingResumesWhenItEnds() throws Exception {
        List<String> phones = f.seedSubscribers(60, "public_utility", "");
        faults("{\"serverErrorRate\":1.0}");
        String token = "O" + System.nanoTime();
        long id = f.sendNow("public_utility", token);
        Waiting.atMost(ofSeconds(15)).until(() -> f.state(id).equals("SENDING"));
        Thread.sleep(6_000);
        assertThat(f.state(id)).as("waiting, not finished").isEqualTo("SENDING");
        JsonObject during = f.stats(id);
        assertThat(during.getJsonNumber("failed").longValue()).as("an outage burns no recipient").isZero();
        assertThat(during.getJsonNumber("sent").longValue() + during.getJsonNumber("delivered").longValue()
                + during.getJsonNumber("read").longValue()).isZero();
        assertThat(db.scalar("select count(*) from sandbox_message where coalesce(parameters, '') like '%" + token + "%'")).isZero();

        faults(NO_FAULTS);
        Waiting.atMost(ofSeconds(60)).until(() -> f.state(id).equals("SENT"));
        for (String phone : phones) {
            assertThat(f.messagesTo(phone, token)).as("messages to " + phone).isEqualTo(1);
        }
    }

    @Test
    void aCitizenWhoLeavesDuringSendingGetsNothingAfterTheStopAndTheRateIsNeverExceeded() throws Exception {
        List<String> phones = f.seedSubscribers(400, "public_utility", "");
        String leaving = phones.get(phones.size() - 1); // the last in the fan-out's order
        String token = "U" + System.nanoTime();
        long id = f.sendNow("public_utility", token);
        Waiting.atMost(ofSeconds(15)).until(() -> f.stats(id).getJsonNumber("total").longValue() == 400);
        sandboxSays(leaving, "STOP");
        Waiting.atMost(ofSeconds(15))
                .until(() -> db.scalar("select count(*) from subscriber where phone = '" + leaving + "' and state = 'UNSUBSCRIBED'") == 1);
        Waiting.atMost(ofSeconds(60)).until(() -> f.state(id).equals("SENT"));
        assertThat(f.messagesTo(leaving, token)).isZero();
        assertThat(db.scalar("select count(*) from delivery d join subscriber s on s.id = d.subscriber_id where d.campaign_id = " + id
                + " and s.phone = '" + leaving + "' and d.state = 'SKIPPED'")).isEqualTo(1);

        // the ceiling (80/s here). The limiter guarantees it on the permits it gives; the sandbox stamps a message
        // after an in-process HTTP hop on a busy machine, whose jitter can shift a few messages into one second:
        // a tenth is allowed for that. A missing or per-sender limiter would show several times the ceiling.
        List<Long> times = db.list("select created_at from sandbox_message where coalesce(parameters, '') like ? order by created_at",
                r -> r.getObject(1, OffsetDateTime.class).toInstant().toEpochMilli(), "%" + token + "%");
        assertThat(times).hasSize(399);
        assertThat(maxInAnySecond(times)).isLessThanOrEqualTo(88);
    }

    @Test
    void pauseHoldsTheRestResumeFinishesAndStopCancelsWhatIsLeft() throws Exception {
        f.seedSubscribers(300, "public_utility", "");
        long id = f.sendNow("public_utility", "P" + System.nanoTime());
        Waiting.atMost(ofSeconds(15)).until(() -> sent(id) > 0);
        assertThat(f.post(id, "pause", f.editor, null).statusCode()).as("editors do not control sending").isEqualTo(403);
        assertThat(f.post(id, "pause", f.reviewer, null).statusCode()).isEqualTo(200);
        Thread.sleep(1_500); // batches in flight finish their current message
        long paused = sent(id);
        Thread.sleep(2_000);
        assertThat(sent(id)).as("nothing more while paused").isEqualTo(paused).isLessThan(300);
        assertThat(f.post(id, "resume", f.reviewer, null).statusCode()).isEqualTo(200);
        Waiting.atMost(ofSeconds(60)).until(() -> f.state(id).equals("SENT"));
        assertThat(sent(id)).isEqualTo(300);

        db.update("update subscriber set state = 'UNSUBSCRIBED' where state = 'ACTIVE'");
        f.seedSubscribers(300, "public_utility", "");
        long stopped = f.sendNow("public_utility", "S" + System.nanoTime());
        Waiting.atMost(ofSeconds(15)).until(() -> sent(stopped) > 0);
        assertThat(f.post(stopped, "stop", f.reviewer, "{\"comment\":\"wrong text\"}").statusCode()).isEqualTo(200);
        assertThat(f.state(stopped)).isEqualTo("STOPPED");
        Thread.sleep(1_500);
        JsonObject stats = f.stats(stopped);
        assertThat(stats.getJsonNumber("cancelled").longValue()).isPositive();
        assertThat(stats.getJsonNumber("queued").longValue() + stats.getJsonNumber("sending").longValue()).isZero();
        assertThat(f.post(stopped, "resume", f.reviewer, null).statusCode()).as("stopped is final").isEqualTo(409);
    }

    @Test
    void aTemplatePausedByMetaDuringSendingPausesTheCampaignAndFailsNobody() throws Exception {
        List<String> phones = f.seedSubscribers(300, "public_utility", "");
        String token = "T" + System.nanoTime();
        long id = f.sendNow("public_utility", token);
        Waiting.atMost(ofSeconds(15)).until(() -> sent(id) > 0);
        try {
            // what the hourly synchronisation records when Meta pauses a template for its quality
            db.update("update message_template set status = 'PAUSED' where name = 'avviso_protezione_civile'");
            Waiting.atMost(ofSeconds(15)).until(() -> f.state(id).equals("PAUSED"));
            Thread.sleep(1_500);
            JsonObject paused = f.stats(id);
            assertThat(paused.getJsonNumber("failed").longValue()).as("the template, not the recipients").isZero();
            assertThat(sent(id)).isLessThan(300);
            assertThat(db.scalar("select count(*) from campaign_event where campaign_id = " + id
                    + " and kind = 'PAUSED' and actor = 'system' and comment like 'template:%'")).isEqualTo(1);
            assertThat(db.scalar("select count(*) from audit_event where action = 'CAMPAIGN_PAUSED' and actor = 'system' and target_id = '"
                    + id + "'")).isEqualTo(1);
        } finally {
            db.update("update message_template set status = 'APPROVED' where name = 'avviso_protezione_civile'");
        }
        assertThat(f.post(id, "resume", f.reviewer, null).statusCode()).isEqualTo(200);
        Waiting.atMost(ofSeconds(60)).until(() -> f.state(id).equals("SENT"));
        assertThat(sent(id)).isEqualTo(300);
        for (String phone : phones.subList(0, 20)) {
            assertThat(f.messagesTo(phone, token)).as("messages to " + phone).isEqualTo(1);
        }
        assertThat(db.scalar("select count(*) from sandbox_message where coalesce(parameters, '') like '%" + token + "%'")).isEqualTo(300);
    }

    @jakarta.inject.Inject
    it.filodiretto.domain.campaign.DeliveryLedger ledger;

    @jakarta.inject.Inject
    it.filodiretto.integration.whatsapp.WhatsAppSettings settings;

    @Test
    void statusesOnlyMoveForwardWhateverTheirOrderAndLateOnesAreReconciled() throws Exception {
        f.seedSubscribers(3, "public_utility", "");
        long id = f.sendNow("public_utility", "W" + System.nanoTime());
        Waiting.atMost(ofSeconds(20)).until(() -> f.state(id).equals("SENT"));
        List<Long> subscribers = db.list("select subscriber_id from delivery where campaign_id = ? order by id", r -> r.getLong(1), id);
        // three deliveries as if just accepted by the API, with wamids of our own
        String a = "wamid.A" + System.nanoTime();
        String b = "wamid.B" + System.nanoTime();
        String late = "wamid.L" + System.nanoTime();
        db.update("update delivery set state = 'SENT', wamid = '" + a + "', delivered_at = null, read_at = null where subscriber_id = "
                + subscribers.get(0) + " and campaign_id = " + id);
        db.update("update delivery set state = 'SENT', wamid = '" + b + "', delivered_at = null, read_at = null where subscriber_id = "
                + subscribers.get(1) + " and campaign_id = " + id);

        status(a, "read"); // read before delivered
        status(a, "delivered");
        status(a, "failed"); // a late failure after delivery
        status(a, "read"); // a repeat
        Waiting.atMost(ofSeconds(10)).until(() -> deliveryState(a).equals("READ"));
        Thread.sleep(1_000);
        assertThat(deliveryState(a)).isEqualTo("READ");
        assertThat(
                db.scalar("select count(*) from delivery where wamid = '" + a + "' and delivered_at is not null and read_at is not null"))
                .isEqualTo(1);

        status(b, "failed");
        Waiting.atMost(ofSeconds(10)).until(() -> deliveryState(b).equals("FAILED"));
        status(b, "delivered"); // delivered after failed: failed is final
        Thread.sleep(1_000);
        assertThat(deliveryState(b)).isEqualTo("FAILED");

        // a status that arrived before its delivery knew the wamid is picked up by the reconciliation
        status(late, "read");
        Waiting.atMost(ofSeconds(10)).until(() -> db.scalar("select count(*) from message_status where wamid = '" + late + "'") == 1);
        db.update("update delivery set state = 'SENT', wamid = '" + late + "', delivered_at = null, read_at = null where subscriber_id = "
                + subscribers.get(2) + " and campaign_id = " + id);
        assertThat(ledger.reconcile(id)).isEqualTo(1);
        assertThat(deliveryState(late)).isEqualTo("READ");
    }

    private String deliveryState(String wamid) {
        return String.valueOf(db.text("select state from delivery where wamid = ?", wamid));
    }

    private void status(String wamid, String status) throws Exception {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"" + status
                + "\",\"timestamp\":\""
                + (System.currentTimeMillis() / 1000) + "\",\"recipient_id\":\"393330000000\""
                + ("failed".equals(status) ? ",\"errors\":[{\"code\":131026,\"title\":\"Message undeliverable\"}]" : "") + "}]}}]}]}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("webhook/whatsapp"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", it.filodiretto.integration.whatsapp.WebhookSignature.sign(settings.appSecret(),
                        body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private long sent(long id) {
        JsonObject stats = f.stats(id);
        return stats.getJsonNumber("sent").longValue() + stats.getJsonNumber("delivered").longValue()
                + stats.getJsonNumber("read").longValue();
    }

    private void faults(String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("sandbox/api/faults"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private void sandboxSays(String phone, String text) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("sandbox/api/inbound"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"" + phone + "\",\"text\":\"" + text + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    static int maxInAnySecond(List<Long> sortedMillis) {
        int max = 0;
        int start = 0;
        for (int end = 0; end < sortedMillis.size(); end++) {
            while (sortedMillis.get(end) - sortedMillis.get(start) >= 1_000) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }
}
