package it.filodiretto.web.it;

import jakarta.annotation.Resource;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

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

    @Resource(lookup = "jdbc/filodiretto")
    DataSource dataSource;

    private static final String NO_FAULTS = "{\"serverErrorRate\":0,\"rateLimitRate\":0,\"timeoutRate\":0,\"latencyMs\":0,\"permanentErrorRate\":0}";

    private CampaignFixtures f;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void onlyThisTestsSubscribers() {
        f = new CampaignFixtures(URI.create(base.toString()), dataSource);
        f.execute("update subscriber set state = 'UNSUBSCRIBED' where state = 'ACTIVE'");
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
        CampaignFixtures.await(() -> f.state(id).equals("SENT"), 120_000);
        faults(NO_FAULTS);
        JsonObject stats = f.stats(id);
        assertThat(stats.getJsonNumber("total").longValue()).isEqualTo(150);
        assertThat(stats.getJsonNumber("failed").longValue()).isZero();
        for (String phone : phones) {
            assertThat(f.messagesTo(phone, token)).as("messages to " + phone).isEqualTo(1);
        }
        assertThat(f.scalar("select count(*) from delivery where campaign_id = " + id + " and possible_duplicate = true")).isZero();
    }

    @Test
    void aSendWhoseAnswerIsLostAfterTheApiAcceptedItIsFlaggedAsAPossibleDuplicate() throws Exception {
        List<String> phones = f.seedSubscribers(1, "public_utility", "");
        faults("{\"loseAnswerTo\":\"" + phones.get(0) + "\"}");
        String token = "L" + System.nanoTime();
        long id = f.sendNow("public_utility", token);
        CampaignFixtures.await(() -> f.state(id).equals("SENT"), 90_000);
        assertThat(f.scalar("select count(*) from delivery where campaign_id = " + id + " and possible_duplicate = true"))
                .isEqualTo(1);
        assertThat(f.messagesTo(phones.get(0), token)).as("accepted, answer lost, sent again").isEqualTo(2);
    }

    @jakarta.inject.Inject
    it.filodiretto.domain.campaign.Dispatch dispatch;

    @Test
    void aServerTakesBackOnlyTheClaimsOfServersThatAreGone() throws Exception {
        f.seedSubscribers(3, "public_utility", "");
        long id = f.sendNow("public_utility", "C" + System.nanoTime());
        CampaignFixtures.await(() -> f.state(id).equals("SENT"), 60_000);
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        try (var c = dataSource.getConnection()) {
            for (String[] server : new String[][]{{"live-" + id, "0"}, {"gone-" + id, "3600"}}) {
                try (var s = c.prepareStatement("insert into server_instance (id, started_at, heartbeat_at) values (?, ?, ?)")) {
                    s.setString(1, server[0]);
                    s.setObject(2, now.minusHours(2));
                    s.setObject(3, now.minusSeconds(Long.parseLong(server[1])));
                    s.executeUpdate();
                }
            }
            List<Long> deliveries = new java.util.ArrayList<>();
            try (var s = c.prepareStatement("select id from delivery where campaign_id = ? order by id"); ) {
                s.setLong(1, id);
                try (var r = s.executeQuery()) {
                    while (r.next()) {
                        deliveries.add(r.getLong(1));
                    }
                }
            }
            String[] owners = {"live-" + id, "gone-" + id, null};
            for (int i = 0; i < 3; i++) {
                // a claimed delivery has no wamid yet, so late status webhooks of the real send cannot move it
                try (var s = c.prepareStatement("update delivery set state = 'SENDING', wamid = null, possible_duplicate = false, claimed_at = ?,"
                        + " claimed_by = ? where id = ?")) {
                    s.setObject(1, now.minusMinutes(1));
                    s.setString(2, owners[i]);
                    s.setLong(3, deliveries.get(i));
                    s.executeUpdate();
                }
            }
        }
        dispatch.resetClaimsOfGoneServers(now.minusSeconds(15)); // the clock's own round may have done it already
        assertThat(f.scalar("select count(*) from delivery where campaign_id = " + id + " and state = 'SENDING' and claimed_by = 'live-" + id + "'"))
                .as("a live server's claim is left alone").isEqualTo(1);
        assertThat(f.scalar("select count(*) from delivery where campaign_id = " + id + " and state = 'QUEUED' and possible_duplicate = true"))
                .as("the gone server's claim and the unowned one").isEqualTo(2);
        f.execute("update delivery set state = 'DELIVERED' where campaign_id = " + id);
        f.execute("delete from server_instance where id in ('live-" + id + "', 'gone-" + id + "')");
    }

    @Test
    void aTotalOutageOpensTheCircuitLosesNothingAndSendingResumesWhenItEnds() throws Exception {
        List<String> phones = f.seedSubscribers(60, "public_utility", "");
        faults("{\"serverErrorRate\":1.0}");
        String token = "O" + System.nanoTime();
        long id = f.sendNow("public_utility", token);
        CampaignFixtures.await(() -> f.state(id).equals("SENDING"), 15_000);
        Thread.sleep(6_000);
        assertThat(f.state(id)).as("waiting, not finished").isEqualTo("SENDING");
        JsonObject during = f.stats(id);
        assertThat(during.getJsonNumber("failed").longValue()).as("an outage burns no recipient").isZero();
        assertThat(during.getJsonNumber("sent").longValue() + during.getJsonNumber("delivered").longValue()
                + during.getJsonNumber("read").longValue()).isZero();
        assertThat(f.scalar("select count(*) from sandbox_message where coalesce(parameters, '') like '%" + token + "%'")).isZero();

        faults(NO_FAULTS);
        CampaignFixtures.await(() -> f.state(id).equals("SENT"), 60_000);
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
        CampaignFixtures.await(() -> f.stats(id).getJsonNumber("total").longValue() == 400, 15_000);
        sandboxSays(leaving, "STOP");
        CampaignFixtures.await(() -> f.scalar("select count(*) from subscriber where phone = '" + leaving + "' and state = 'UNSUBSCRIBED'") == 1, 15_000);
        CampaignFixtures.await(() -> f.state(id).equals("SENT"), 60_000);
        assertThat(f.messagesTo(leaving, token)).isZero();
        assertThat(f.scalar("select count(*) from delivery d join subscriber s on s.id = d.subscriber_id where d.campaign_id = " + id
                + " and s.phone = '" + leaving + "' and d.state = 'SKIPPED'")).isEqualTo(1);

        // the ceiling (80/s here). The limiter guarantees it on the permits it gives; the sandbox stamps a message
        // after an in-process HTTP hop on a busy machine, whose jitter can shift a few messages into one second:
        // a tenth is allowed for that. A missing or per-sender limiter would show several times the ceiling.
        List<Long> times = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select created_at from sandbox_message where coalesce(parameters, '') like ? order by created_at")) {
            s.setString(1, "%" + token + "%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    times.add(r.getObject(1, OffsetDateTime.class).toInstant().toEpochMilli());
                }
            }
        }
        assertThat(times).hasSize(399);
        assertThat(maxInAnySecond(times)).isLessThanOrEqualTo(88);
    }

    @Test
    void pauseHoldsTheRestResumeFinishesAndStopCancelsWhatIsLeft() throws Exception {
        f.seedSubscribers(300, "public_utility", "");
        long id = f.sendNow("public_utility", "P" + System.nanoTime());
        CampaignFixtures.await(() -> sent(id) > 0, 15_000);
        assertThat(f.post(id, "pause", f.editor, null).statusCode()).as("editors do not control sending").isEqualTo(403);
        assertThat(f.post(id, "pause", f.reviewer, null).statusCode()).isEqualTo(200);
        Thread.sleep(1_500); // batches in flight finish their current message
        long paused = sent(id);
        Thread.sleep(2_000);
        assertThat(sent(id)).as("nothing more while paused").isEqualTo(paused).isLessThan(300);
        assertThat(f.post(id, "resume", f.reviewer, null).statusCode()).isEqualTo(200);
        CampaignFixtures.await(() -> f.state(id).equals("SENT"), 60_000);
        assertThat(sent(id)).isEqualTo(300);

        f.execute("update subscriber set state = 'UNSUBSCRIBED' where state = 'ACTIVE'");
        f.seedSubscribers(300, "public_utility", "");
        long stopped = f.sendNow("public_utility", "S" + System.nanoTime());
        CampaignFixtures.await(() -> sent(stopped) > 0, 15_000);
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
        CampaignFixtures.await(() -> sent(id) > 0, 15_000);
        try {
            // what the hourly synchronisation records when Meta pauses a template for its quality
            f.execute("update message_template set status = 'PAUSED' where name = 'avviso_protezione_civile'");
            CampaignFixtures.await(() -> f.state(id).equals("PAUSED"), 15_000);
            Thread.sleep(1_500);
            JsonObject paused = f.stats(id);
            assertThat(paused.getJsonNumber("failed").longValue()).as("the template, not the recipients").isZero();
            assertThat(sent(id)).isLessThan(300);
            assertThat(f.scalar("select count(*) from campaign_event where campaign_id = " + id
                    + " and kind = 'PAUSED' and actor = 'system' and comment like 'template:%'")).isEqualTo(1);
            assertThat(f.scalar("select count(*) from audit_event where action = 'CAMPAIGN_PAUSED' and actor = 'system' and target_id = '"
                    + id + "'")).isEqualTo(1);
        } finally {
            f.execute("update message_template set status = 'APPROVED' where name = 'avviso_protezione_civile'");
        }
        assertThat(f.post(id, "resume", f.reviewer, null).statusCode()).isEqualTo(200);
        CampaignFixtures.await(() -> f.state(id).equals("SENT"), 60_000);
        assertThat(sent(id)).isEqualTo(300);
        for (String phone : phones.subList(0, 20)) {
            assertThat(f.messagesTo(phone, token)).as("messages to " + phone).isEqualTo(1);
        }
        assertThat(f.scalar("select count(*) from sandbox_message where coalesce(parameters, '') like '%" + token + "%'")).isEqualTo(300);
    }

    @jakarta.inject.Inject
    it.filodiretto.domain.campaign.DeliveryLedger ledger;

    @jakarta.inject.Inject
    it.filodiretto.integration.whatsapp.WhatsAppSettings settings;

    @Test
    void statusesOnlyMoveForwardWhateverTheirOrderAndLateOnesAreReconciled() throws Exception {
        f.seedSubscribers(3, "public_utility", "");
        long id = f.sendNow("public_utility", "W" + System.nanoTime());
        CampaignFixtures.await(() -> f.state(id).equals("SENT"), 20_000);
        long[] subscribers = new long[3];
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select subscriber_id from delivery where campaign_id = ? order by id")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                for (int i = 0; i < 3 && r.next(); i++) {
                    subscribers[i] = r.getLong(1);
                }
            }
        }
        // three deliveries as if just accepted by the API, with wamids of our own
        String a = "wamid.A" + System.nanoTime();
        String b = "wamid.B" + System.nanoTime();
        String late = "wamid.L" + System.nanoTime();
        f.execute("update delivery set state = 'SENT', wamid = '" + a + "', delivered_at = null, read_at = null where subscriber_id = " + subscribers[0] + " and campaign_id = " + id);
        f.execute("update delivery set state = 'SENT', wamid = '" + b + "', delivered_at = null, read_at = null where subscriber_id = " + subscribers[1] + " and campaign_id = " + id);

        status(a, "read");        // read before delivered
        status(a, "delivered");
        status(a, "failed");      // a late failure after delivery
        status(a, "read");        // a repeat
        CampaignFixtures.await(() -> deliveryState(a).equals("READ"), 10_000);
        Thread.sleep(1_000);
        assertThat(deliveryState(a)).isEqualTo("READ");
        assertThat(f.scalar("select count(*) from delivery where wamid = '" + a + "' and delivered_at is not null and read_at is not null")).isEqualTo(1);

        status(b, "failed");
        CampaignFixtures.await(() -> deliveryState(b).equals("FAILED"), 10_000);
        status(b, "delivered");   // delivered after failed: failed is final
        Thread.sleep(1_000);
        assertThat(deliveryState(b)).isEqualTo("FAILED");

        // a status that arrived before its delivery knew the wamid is picked up by the reconciliation
        status(late, "read");
        CampaignFixtures.await(() -> f.scalar("select count(*) from message_status where wamid = '" + late + "'") == 1, 10_000);
        f.execute("update delivery set state = 'SENT', wamid = '" + late + "', delivered_at = null, read_at = null where subscriber_id = " + subscribers[2] + " and campaign_id = " + id);
        assertThat(ledger.reconcile(id)).isEqualTo(1);
        assertThat(deliveryState(late)).isEqualTo("READ");
    }

    private String deliveryState(String wamid) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select state from delivery where wamid = ?")) {
            s.setString(1, wamid);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : "";
            }
        }
    }

    private void status(String wamid, String status) throws Exception {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"" + status + "\",\"timestamp\":\""
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
        return stats.getJsonNumber("sent").longValue() + stats.getJsonNumber("delivered").longValue() + stats.getJsonNumber("read").longValue();
    }

    private void faults(String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("sandbox/api/faults"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private void sandboxSays(String phone, String text) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("sandbox/api/inbound"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"" + phone + "\",\"text\":\"" + text + "\"}"))
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
