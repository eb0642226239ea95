package it.filodiretto.web.it;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditEvent;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.audit.AuditVerification;
import it.filodiretto.domain.audit.VerificationResult;
import it.filodiretto.domain.staff.NewStaffAccount;
import it.filodiretto.domain.staff.Role;
import it.filodiretto.domain.staff.StaffService;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import static it.filodiretto.web.it.StaffClient.basic;
import static it.filodiretto.web.it.StaffClient.object;
import static org.assertj.core.api.Assertions.assertThat;

/** The audit chain in the container: parallel writers, tampering found by the API and the page. */
@ExtendWith(ArquillianExtension.class)
class AuditIT {

    private static final String PASSWORD = "Privacy-officer-pass-1";

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(AuditIT.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    AuditTrail trail;

    @Inject
    AuditVerification verification;

    @Inject
    StaffService staff;

    @Resource
    ManagedExecutorService executor;

    private final Db db = new Db();

    @Test
    void parallelWritersKeepOneGapFreeChain() throws Exception {
        int writers = 8;
        int eventsEach = 40;
        long before = db.scalar("select count(*) from audit_event");
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String writer = "writer" + w;
            done.add(executor.submit(() -> {
                for (int i = 0; i < eventsEach; i++) {
                    trail.record(Actor.staff(writer), AuditAction.STAFF_UPDATED, "staff", writer, Map.of("i", i));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }

        assertThat(db.scalar("select count(*) from audit_event")).isEqualTo(before + writers * eventsEach);
        assertThat(db.scalar("select max(seq) - min(seq) + 1 from audit_event")).isEqualTo(db.scalar("select count(*) from audit_event"));
        assertThat(db.scalar("select count(distinct prev_hash) from audit_event")).isEqualTo(db.scalar("select count(*) from audit_event"));
        VerificationResult result = verification.walk(null);
        assertThat(result.valid()).as(String.valueOf(result.explanation())).isTrue();
        assertThat(result.events()).isEqualTo(db.scalar("select count(*) from audit_event"));
    }

    @Test
    void aRowAlteredWithPlainSqlIsNamedByTheVerifyEndpoint() throws Exception {
        String officer = "po" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(new NewStaffAccount(officer, "Privacy Officer", PASSWORD, EnumSet.of(Role.PRIVACY_OFFICER)), "admin");
        AuditEvent victim = trail.record(Actor.staff(officer), AuditAction.STAFF_UPDATED, "staff", officer, Map.of("note", "original"));
        trail.record(Actor.SYSTEM, AuditAction.SYSTEM_SELF_TEST, "system", null, Map.of());
        long seq = victim.sequence();
        StaffClient api = new StaffClient(URI.create(base.toString()));

        assertThat(db.update("update audit_event set details = ? where seq = ?", "{\"note\":\"forged\"}", seq)).isEqualTo(1);
        try {
            HttpResponse<String> response = api.get("api/v1/audit/verify", basic(officer, PASSWORD));
            assertThat(response.statusCode()).isEqualTo(200);
            JsonObject body = object(response);
            assertThat(body.getBoolean("valid")).isFalse();
            assertThat(body.getJsonNumber("firstBrokenSequence").longValue()).isEqualTo(seq);
            assertThat(body.getString("reason")).startsWith("CONTENT_CHANGED");
            assertThat(body.keySet()).containsExactlyInAnyOrder("valid", "firstBrokenSequence", "reason");
        } finally {
            assertThat(db.update("update audit_event set details = ? where seq = ?", "{\"note\":\"original\"}", seq)).isEqualTo(1);
        }

        HttpResponse<String> again = api.get("api/v1/audit/verify", basic(officer, PASSWORD));
        JsonObject valid = object(again);
        assertThat(valid.getBoolean("valid")).as(again.body()).isTrue();
        assertThat(valid.keySet()).containsExactlyInAnyOrder("valid", "events", "headSequence", "headHash");
        assertThat(valid.getJsonNumber("events").longValue()).isEqualTo(valid.getJsonNumber("headSequence").longValue());
        assertThat(valid.getString("headHash")).hasSize(64);
    }

    @Test
    void aCheckpointProvesTheLogOnlyGrew() throws Exception {
        String officer = "po" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(new NewStaffAccount(officer, "Privacy Officer", PASSWORD, EnumSet.of(Role.PRIVACY_OFFICER)), "admin");
        StaffClient api = new StaffClient(URI.create(base.toString()));
        JsonObject checkpoint = object(api.get("api/v1/audit/checkpoint", basic(officer, PASSWORD)));
        long cpSeq = checkpoint.getJsonNumber("sequence").longValue();
        assertThat(checkpoint.getString("printable")).contains("Sequence: " + cpSeq).contains(checkpoint.getString("hash"));
        trail.record(Actor.SYSTEM, AuditAction.SYSTEM_SELF_TEST, "system", null, Map.of());

        JsonObject grown = object(api.get("api/v1/audit/verify?checkpointSequence=" + cpSeq + "&checkpointHash="
                + checkpoint.getString("hash"), basic(officer, PASSWORD)));
        assertThat(grown.getBoolean("valid")).isTrue();

        JsonObject forgedCheckpoint = object(api.get("api/v1/audit/verify?checkpointSequence=" + cpSeq + "&checkpointHash="
                + "f".repeat(64), basic(officer, PASSWORD)));
        assertThat(forgedCheckpoint.getBoolean("valid")).isFalse();
        assertThat(forgedCheckpoint.getJsonNumber("firstBrokenSequence").longValue()).isEqualTo(cpSeq);

        HttpResponse<String> bad = api.get("api/v1/audit/verify?checkpointSequence=3&checkpointHash=xyz", basic(officer, PASSWORD));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(object(bad).getString("error")).isEqualTo("invalid_checkpoint");
    }

    @Test
    @RunAsClient
    void thePrivacyOfficerSeesTheEventsAndAVerifiedChainOnThePage() {
        StaffClient api = new StaffClient(URI.create(base.toString()));
        String officer = "po" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = api.sendJson("POST", "api/v1/staff", basic("admin", Deployments.adminPassword()),
                "{\"username\":\"" + officer + "\",\"displayName\":\"PO\",\"password\":\"" + PASSWORD
                        + "\",\"roles\":[\"PRIVACY_OFFICER\"]}");
        assertThat(created.statusCode()).isEqualTo(201);

        StaffClient browser = new StaffClient(URI.create(base.toString()));
        assertThat(browser.formLogin(officer, PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> page = browser.get("console/audit/events.xhtml", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("nav-audit").contains("STAFF_CREATED").contains(officer);

        HttpResponse<String> verified = browser.postForm("console/audit/events.xhtml", Map.of(
                "verify", "verify",
                "verify:run", "",
                "verify:cpSeq_input", "",
                "verify:cpHash", "",
                "jakarta.faces.ViewState", StaffClient.viewState(page.body()),
                "jakarta.faces.partial.ajax", "true",
                "jakarta.faces.source", "verify:run",
                "jakarta.faces.partial.execute", "verify",
                "jakarta.faces.partial.render", "verify"));
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("id=\"valid\"").containsAnyOf("Catena integra", "The chain is intact");
    }

    @Test
    void theCsvExportHoldsTheWholeFilteredSetWithEveryFieldOfTheCanonicalForm() throws Exception {
        for (int i = 0; i < 30; i++) { // more than one page of the table (25 rows)
            staff.create(new NewStaffAccount("csv" + UUID.randomUUID().toString().substring(0, 8), "Csv " + i, PASSWORD,
                    EnumSet.of(Role.EDITOR)), "admin");
        }
        String officer = "po" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(new NewStaffAccount(officer, "PO", PASSWORD, EnumSet.of(Role.PRIVACY_OFFICER)), "admin");
        StaffClient browser = new StaffClient(URI.create(base.toString()));
        assertThat(browser.formLogin(officer, PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> page = browser.get("console/audit/events.xhtml", null);

        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("events", "events");
        form.put("events:from_input", "");
        form.put("events:to_input", "");
        form.put("events:actor", "");
        form.put("events:action_input", "STAFF_CREATED");
        form.put("events:targetType", "");
        form.put("events:targetId", "");
        form.put("events:csv", "");
        form.put("jakarta.faces.ViewState", StaffClient.viewState(page.body()));
        HttpResponse<String> csv = browser.postForm("console/audit/events.xhtml", form);

        assertThat(csv.statusCode()).isEqualTo(200);
        List<String> lines = csv.body().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines.get(0)).containsAnyOf("Ora UTC", "UTC time").containsAnyOf("Hash precedente", "Previous hash");
        List<String> rows = lines.subList(1, lines.size());
        assertThat(rows).as("every STAFF_CREATED event, not one page")
                .hasSize((int) db.scalar("select count(*) from audit_event where action = 'STAFF_CREATED'"))
                .hasSizeGreaterThan(30).allMatch(r -> r.contains("STAFF_CREATED"));
        assertThat(rows.get(0)).as("the canonical time").containsPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z")
                .as("previous hash and hash").containsPattern("[0-9a-f]{64}.*[0-9a-f]{64}");
        assertThat(db.scalar("select count(*) from audit_event where action = 'AUDIT_EXPORTED' and actor = '" + officer + "'"))
                .isEqualTo(1);
    }
}
