package it.filodiretto.web.it;

import it.filodiretto.domain.staff.NewStaffAccount;
import it.filodiretto.domain.staff.Role;
import it.filodiretto.domain.staff.StaffService;
import it.filodiretto.domain.system.ConnectivityPing;
import it.filodiretto.domain.system.ConnectivityService;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
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
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

import static it.filodiretto.web.it.StaffClient.basic;
import static it.filodiretto.web.it.StaffClient.object;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foundation on a real Payara Micro with the real WAR: health, login and roles over HTTP, the staff
 * API and its errors, throttling, the JMS round trip, transactions with their audit events.
 */
@ExtendWith(ArquillianExtension.class)
class FoundationIT {

    private static final String PASSWORD = "Una-password-lunga-1";

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(FoundationIT.class, RoleMatrix.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    StaffService staff;

    @Inject
    ConnectivityService connectivity;

    @Inject
    it.filodiretto.domain.staff.UnknownUserFailures unknownUsers;

    @Inject
    it.filodiretto.domain.consent.Pseudonyms pseudonyms;

    @Resource
    UserTransaction transaction;

    private final Db db = new Db();

    private StaffClient client() {
        return new StaffClient(URI.create(base.toString()));
    }

    private static String admin() {
        return basic("admin", Deployments.adminPassword());
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    static String createAccount(StaffClient client, String username, String... roles) {
        String json = "{\"username\":\"" + username + "\",\"displayName\":\"Test " + username + "\",\"password\":\""
                + PASSWORD + "\",\"roles\":[" + String.join(",", java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").toList()) + "]}";
        HttpResponse<String> created = client.sendJson("POST", "api/v1/staff", admin(), json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return username;
    }

    @Test
    @RunAsClient
    void readinessReportsDatabaseAndBrokerUp() {
        HttpResponse<String> health = client().get("health/ready", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"database\"", "\"broker\"").doesNotContain("DOWN");
        // the WhatsApp API is a detail of readiness, never its cause (here: the sandbox's number)
        assertThat(health.body()).contains("\"whatsapp-api\"").contains("\"qualityRating\":\"GREEN\"").contains("\"reachable\":\"true\"");
        // switched on explicitly (arquillian.xml), on H2 without a token: it runs, and readiness says so
        assertThat(health.body()).contains("\"sandbox\"").containsPattern("\"active\":\"?true");

        HttpResponse<String> live = client().get("health/live", null);
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("\"status\":\"UP\"").contains("\"application\"").doesNotContain("whatsapp");
    }

    @Test
    @RunAsClient
    void anonymousApiCallsAreAskedForCredentialsInJson() {
        HttpResponse<String> response = client().get("api/v1/staff", null);

        assertThat(response.statusCode()).isEqualTo(401);
        // a challenge, but not "Basic": a browser must not prompt and then cache credentials for any page to use
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("FiloDiretto-Basic");
        assertThat(response.headers().allValues("WWW-Authenticate")).noneMatch(v -> v.regionMatches(true, 0, "Basic", 0, 5));
        assertThat(object(response).getString("error")).isEqualTo("authentication_required");
        HttpResponse<String> wrong = client().get("api/v1/staff", basic("admin", "wrong-password-x"));
        assertThat(wrong.headers().allValues("WWW-Authenticate")).noneMatch(v -> v.regionMatches(true, 0, "Basic", 0, 5));
    }

    @Test
    @RunAsClient
    void aStateChangingCallWithAFormLikeBodyIsRefusedEvenWithValidCredentials() {
        String username = unique("csrf");
        String json = "{\"username\":\"" + username + "\",\"displayName\":\"X\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"EDITOR\"]}";
        for (String type : new String[]{"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=b"}) {
            HttpResponse<String> refused = client().send("POST", "api/v1/staff", admin(), type, json);
            assertThat(refused.statusCode()).as(type).isEqualTo(415);
            assertThat(object(refused).getString("error")).isEqualTo("unsupported_content_type");
        }
        assertThat(client().get("api/v1/staff/" + username, admin()).statusCode()).as("nothing created").isEqualTo(404);
        assertThat(client().sendJson("POST", "api/v1/staff", admin(), json).statusCode()).isEqualTo(201);
    }

    @Test
    @RunAsClient
    void adminCreatesAnEditorWhoSeesOnlyTheEditorsMenu() {
        StaffClient api = client();
        String editor = createAccount(api, unique("editor"), "EDITOR");

        StaffClient editorBrowser = client();
        HttpResponse<String> login = editorBrowser.formLogin(editor, PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).get().asString().endsWith("/console/index.xhtml");
        HttpResponse<String> home = editorBrowser.get("console/index.xhtml", null);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Test " + editor).contains("id=\"nav-home\"").doesNotContain("nav-staff");
        assertThat(editorBrowser.get("console/admin/staff.xhtml", null).statusCode()).isEqualTo(403);

        StaffClient adminBrowser = client();
        assertThat(adminBrowser.formLogin("admin", Deployments.adminPassword()).statusCode()).isEqualTo(302);
        HttpResponse<String> staffPage = adminBrowser.get("console/admin/staff.xhtml", null);
        assertThat(staffPage.statusCode()).isEqualTo(200);
        assertThat(staffPage.body()).contains("nav-staff").contains(editor);
    }

    @Test
    @RunAsClient
    void aWrongPasswordOnTheLoginPageIsAFacesMessageNotALogin() {
        StaffClient browser = client();
        HttpResponse<String> response = browser.formLogin("admin", "not-the-password-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsAnyOf("Nome utente o password non validi", "Invalid username or password");
        assertThat(browser.get("console/index.xhtml", null).statusCode()).isEqualTo(302);
    }

    @Test
    @RunAsClient
    void anAjaxRequestAfterTheSessionEndedIsToldToGoToTheLoginPage() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(URI.create(base.toString()).resolve("console/campaigns/list.xhtml"))
                .header("Faces-Request", "partial/ajax").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("jakarta.faces.partial.ajax=true")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<partial-response><redirect url=\"").contains("/login.xhtml\"");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    @RunAsClient
    void badInputOnTheStaffPageIsAMessageInTheUsersLanguage() {
        StaffClient browser = client();
        assertThat(browser.formLogin("admin", Deployments.adminPassword()).statusCode()).isEqualTo(302);
        HttpResponse<String> page = browser.get("console/admin/staff.xhtml", null);
        assertThat(createOnThePage(browser, page, "admin", "EDITOR").body()).contains("Esiste già un account con nome utente admin.");
        assertThat(createOnThePage(browser, page, unique("noroles"), null).body()).contains("Assegnare almeno un ruolo.");

        java.util.Map<String, String> english = new java.util.LinkedHashMap<>();
        english.put("userForm", "userForm");
        english.put("userForm:lang-en", "userForm:lang-en");
        english.put("jakarta.faces.ViewState", StaffClient.viewState(page.body()));
        browser.postForm("console/admin/staff.xhtml", english);
        HttpResponse<String> inEnglish = browser.get("console/admin/staff.xhtml", null);
        assertThat(createOnThePage(browser, inEnglish, "admin", "EDITOR").body())
                .contains("An account with username admin already exists.");
        assertThat(createOnThePage(browser, inEnglish, unique("noroles"), null).body()).contains("Assign at least one role.")
                .doesNotContain("Exception");
    }

    private static HttpResponse<String> createOnThePage(StaffClient browser, HttpResponse<String> page, String username, String role) {
        java.util.Map<String, String> form = createForm(username, role, StaffClient.viewState(page.body()));
        form.put("jakarta.faces.partial.render", "create");
        HttpResponse<String> response = browser.postForm("console/admin/staff.xhtml", form);
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    /** The staff page's "create" dialog posted as PrimeFaces posts it (AJAX); no role and no view state when null. */
    private static java.util.Map<String, String> createForm(String username, String role, String viewState) {
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("create", "create");
        form.put("create:username", username);
        form.put("create:displayName", "Dal modulo");
        form.put("create:password", PASSWORD);
        if (role != null) {
            form.put("create:roles", role);
        }
        form.put("create:save", "");
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", "create:save");
        form.put("jakarta.faces.partial.execute", "create"); // the ids PrimeFaces sends for process="@form"
        if (viewState != null) {
            form.put("jakarta.faces.ViewState", viewState);
        }
        return form;
    }

    @Test
    @RunAsClient
    void loggingInRenewsTheSessionId() {
        StaffClient browser = client();
        HttpResponse<String> page = browser.get("login.xhtml", null);
        String before = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElseThrow();
        HttpResponse<String> login = browser.formLogin("admin", Deployments.adminPassword());
        String after = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElseThrow();

        assertThat(after.split(";")[0]).isNotEqualTo(before.split(";")[0]);
    }

    @Test
    @RunAsClient
    void badStaffInputGetsAClearJsonError() {
        StaffClient api = client();
        String existing = createAccount(api, unique("dup"), "REVIEWER");

        assertError(api.sendJson("POST", "api/v1/staff", admin(),
                "{\"username\":\"" + existing + "\",\"displayName\":\"X\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"EDITOR\"]}"),
                409, "duplicate_username");
        assertError(api.sendJson("POST", "api/v1/staff", admin(),
                "{\"username\":\"" + unique("weak") + "\",\"displayName\":\"X\",\"password\":\"short\",\"roles\":[\"EDITOR\"]}"),
                400, "weak_password");
        assertError(api.sendJson("POST", "api/v1/staff", admin(),
                "{\"username\":\"" + unique("norole") + "\",\"displayName\":\"X\",\"password\":\"" + PASSWORD + "\",\"roles\":[]}"),
                400, "no_role");
        assertError(api.sendJson("POST", "api/v1/staff", admin(),
                "{\"username\":\"" + unique("badrole") + "\",\"displayName\":\"X\",\"password\":\"" + PASSWORD
                        + "\",\"roles\":[\"KING\"]}"),
                400, "unknown_role");
        assertError(api.sendJson("POST", "api/v1/staff", admin(),
                "{\"username\":\"Not Valid!\",\"displayName\":\"X\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"EDITOR\"]}"),
                400, "invalid_username");
        assertError(api.sendJson("POST", "api/v1/staff", admin(), "{\"username\": \"x\", "), 400, "malformed_json");
        assertError(api.sendJson("PUT", "api/v1/staff/nobody-like-this", admin(), "{\"displayName\":\"X\"}"), 404, "unknown_staff");

        HttpResponse<String> asEditor = api.get("api/v1/staff", basic(existing, PASSWORD));
        assertThat(asEditor.statusCode()).isEqualTo(403);
        assertThat(object(asEditor).getString("error")).isEqualTo("forbidden");
    }

    @Test
    @RunAsClient
    void anAdministratorChangesRolesDisablesAndResetsPasswords() {
        StaffClient api = client();
        String user = createAccount(api, unique("ops"), "OPERATOR");

        HttpResponse<String> changed = api.sendJson("PUT", "api/v1/staff/" + user, admin(),
                "{\"roles\":[\"OPERATOR\",\"EDITOR\"],\"displayName\":\"Renamed\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(object(changed).getJsonArray("roles").toString()).isEqualTo("[\"EDITOR\",\"OPERATOR\"]");
        assertThat(object(changed).getString("displayName")).isEqualTo("Renamed");

        assertThat(api.sendJson("PUT", "api/v1/staff/" + user, admin(), "{\"password\":\"Another-long-pass-2\"}").statusCode())
                .isEqualTo(200);
        assertThat(client().formLogin(user, PASSWORD).statusCode()).isEqualTo(200);
        assertThat(client().formLogin(user, "Another-long-pass-2").statusCode()).isEqualTo(302);

        assertThat(api.sendJson("PUT", "api/v1/staff/" + user, admin(), "{\"enabled\":false}").statusCode()).isEqualTo(200);
        assertThat(client().formLogin(user, "Another-long-pass-2").statusCode()).isEqualTo(200);
    }

    @Test
    @RunAsClient
    void repeatedFailuresDelayThatAddressForThatAccountOnlyAndTheRightPasswordElsewhereWorks() {
        String user = createAccount(client(), unique("guessed"), "EDITOR");
        StaffClient attacker = client().from("198.51.100.21");
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.get("api/v1/staff", basic(user, "wrong-password-" + i)).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> delayed = attacker.get("api/v1/staff", basic(user, PASSWORD));
        assertThat(delayed.statusCode()).as("that address waits, even with the right password").isEqualTo(429);
        assertThat(delayed.headers().firstValue("Retry-After")).get().asString().matches("[1-9][0-9]*");
        assertThat(object(delayed).getString("error")).isEqualTo("too_many_attempts");
        assertThat(client().from("203.0.113.21").get("api/v1/staff", basic(user, PASSWORD)).statusCode())
                .as("the right password from another address").isEqualTo(403);
        assertThat(client().from("203.0.113.22").formLogin(user, PASSWORD).statusCode()).as("the console from another address")
                .isEqualTo(302);
    }

    @Test
    @RunAsClient
    void aFloodOfWrongCredentialsIsRefusedBeforeHashingWhileOthersGetIn() {
        StaffClient flood = client().from("198.51.100.66");
        int throttled = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> response = flood.get("api/v1/staff", basic("nobody-" + i, "wrong-password-" + i));
            if (response.statusCode() == 429) {
                throttled++;
                refused = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(401);
            }
        }
        assertThat(throttled).as("beyond the address's budget (20 checks, then one per 3 s)").isGreaterThanOrEqualTo(15);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(object(refused).getString("error")).isEqualTo("too_many_attempts");
        assertThat(client().from("198.51.100.67").get("api/v1/staff", admin()).statusCode()).as("another address").isEqualTo(200);
        HttpResponse<String> console = client().from("198.51.100.66").formLogin("nobody", "wrong-password");
        assertThat(console.statusCode()).as("the console login of the flooding address").isEqualTo(429);
        assertThat(console.body()).contains("Troppi tentativi");
    }

    @Test
    void parallelWrongPasswordsEachCount() throws Exception {
        String user = createAccount(client(), unique("parallel"), "EDITOR");
        int guesses = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(guesses);
        try {
            java.util.List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < guesses; i++) {
                int n = i;
                all.add(pool.submit(() -> {
                    start.await();
                    return staff.authenticate(user, "wrong-password-" + n, "api", false);
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> f : all) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(db.scalar("select failed_logins from staff_account where username = ?", user)).isEqualTo(guesses);
    }

    @Test
    void aGeneratedPasswordMustBeChangedFirstAndTheFirstAccountCanBeRenamed() throws Exception {
        String user = createAccount(client(), unique("generated"), "ADMIN");
        transaction.begin();
        staff.find(user).orElseThrow().requirePasswordChange();
        transaction.commit();

        HttpResponse<String> api = client().get("api/v1/staff", basic(user, PASSWORD));
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(object(api).getString("error")).isEqualTo("password_change_required");
        StaffClient browser = client();
        assertThat(browser.formLogin(user, PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> home = browser.get("console/index.xhtml", null);
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).get().asString().endsWith("/console/password.xhtml");
        assertThat(browser.get("console/password.xhtml", null).body()).contains("password-required");

        HttpResponse<String> changed = client().sendJson("PUT", "api/v1/staff/" + user, basic(user, PASSWORD),
                "{\"password\":\"Another-long-pass-3\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(client().get("api/v1/staff", basic(user, "Another-long-pass-3")).statusCode()).isEqualTo(200);

        String renamed = unique("renamed");
        HttpResponse<String> rename = client().sendJson("POST", "api/v1/staff/" + user + "/rename", admin(),
                "{\"username\":\"" + renamed + "\"}");
        assertThat(rename.statusCode()).as(rename.body()).isEqualTo(200);
        assertThat(client().get("api/v1/staff", basic(renamed, "Another-long-pass-3")).statusCode()).isEqualTo(200);
        assertThat(client().get("api/v1/staff/" + user, admin()).statusCode()).isEqualTo(404);
    }

    @Test
    @RunAsClient
    void selfTestProvesTheBrokerRoundTripAndOutboundRetries() {
        HttpResponse<String> response = client().get("api/v1/system/self-test", admin());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject report = object(response);
        assertThat(report.getJsonObject("messaging").getBoolean("ok")).isTrue();
        assertThat(report.getJsonObject("faultTolerance").getInt("attempts")).isEqualTo(3);
    }

    @Test
    @RunAsClient
    void everyResponseCarriesTheSecurityHeaders() {
        String editor = createAccount(client(), unique("headers"), "EDITOR");
        String[][] requests = {{"login.xhtml", null}, {"api/v1/staff", null}, {"no-such-page", null},
                {"resources/images/logo.svg", null}, {"jakarta.faces.resource/jquery/jquery.js.xhtml?ln=primefaces", null},
                {"privacy.xhtml", null}, {"sandbox/phone", null}, {"console/index.xhtml", null},
                {"api/v1/staff", basic(editor, PASSWORD)}, {"api/v1/campaigns/not-a-number", basic(editor, PASSWORD)}};
        for (String[] request : requests) {
            String path = request[0] + (request[1] == null ? "" : " (signed in)");
            HttpResponse<String> response = client().get(request[0], request[1]);
            assertThat(response.statusCode()).as(path).isIn(200, 302, 401, 403, 404);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).get().asString()
                    .contains("frame-ancestors 'none'").contains("object-src 'none'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).isPresent();
        }
    }

    @Test
    @RunAsClient
    void anUnknownPageIsALocalisedErrorPageWithoutServerDetails() {
        HttpResponse<String> response = client().get("console/../nothing-here.xhtml", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("La pagina richiesta non esiste").doesNotContain("Payara").doesNotContain("Exception");
    }

    @Test
    @RunAsClient
    void everyPageAndEndpointEnforcesItsRoles() {
        StaffClient api = client();
        java.util.Map<String, String> users = new java.util.EnumMap<Role, String>(Role.class).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().name(), java.util.Map.Entry::getValue));
        for (Role role : Role.values()) {
            users.put(role.name(), createAccount(api, unique(role.name().toLowerCase().replace('_', '-')), role.name()));
        }
        RoleMatrix.verify(client().base(), users, PASSWORD);
    }

    // ---------- in the container ----------

    @Test
    void anAuditedChangeAndItsEventCommitOrRollBackTogether() throws Exception {
        String username = unique("tx");
        long before = db.scalar("select count(*) from audit_event where target_id = ?", username);

        transaction.begin();
        staff.create(new NewStaffAccount(username, "Tx Test", PASSWORD, EnumSet.of(Role.EDITOR)), "admin");
        transaction.rollback();

        assertThat(db.scalar("select count(*) from audit_event where target_id = ?", username)).isEqualTo(before);
        assertThat(staff.find(username)).isEmpty();

        staff.create(new NewStaffAccount(username, "Tx Test", PASSWORD, EnumSet.of(Role.EDITOR)), "admin");
        assertThat(db.scalar("select count(*) from audit_event where target_id = ?", username)).isEqualTo(before + 1);
        assertThat(staff.find(username)).isPresent();
    }

    @Test
    void loginsFailuresAndLogoutsAreInTheAuditTrail() throws Exception {
        String user = createAccount(client(), unique("audited"), "EDITOR");
        StaffClient browser = client();
        assertThat(browser.formLogin(user, PASSWORD).statusCode()).isEqualTo(302);
        assertThat(db.scalar("select count(*) from audit_event where action = 'LOGIN' and actor = ? and target_id = ?", user, user))
                .isEqualTo(1);

        HttpResponse<String> home = browser.get("console/index.xhtml", null);
        java.util.Map<String, String> logout = new java.util.LinkedHashMap<>();
        logout.put("userForm", "userForm");
        logout.put("userForm:logout", "");
        logout.put("jakarta.faces.ViewState", StaffClient.viewState(home.body()));
        browser.postForm("console/index.xhtml", logout);
        assertThat(db.scalar("select count(*) from audit_event where action = 'LOGOUT' and actor = ?", user)).isEqualTo(1);
        assertThat(browser.get("console/index.xhtml", null).statusCode()).as("logged out").isEqualTo(302);

        // an unknown username is not kept (it may be a phone number, an e-mail address or a password typed in the
        // wrong box), and is not audited one by one: a summary every 5 minutes counts them
        String summaries = "select count(*) from audit_event where action = 'LOGIN_FAILED' and actor = 'anonymous'"
                + " and details like '%unknown_user%'";
        long anonymousBefore = db.scalar(summaries);
        for (int i = 0; i < 3; i++) {
            assertThat(client().formLogin("+39 347 000 1122", "whatever-it-is-1").statusCode()).isEqualTo(200);
        }
        assertThat(db.scalar(summaries)).as("no row per failure (the 5-minute summary may have run meanwhile)")
                .isLessThanOrEqualTo(anonymousBefore + 1);
        unknownUsers.summarise();
        assertThat(db.scalar(summaries)).isBetween(anonymousBefore + 1, anonymousBefore + 2);
        assertThat(db.scalar(summaries + " and details like '%\"count\":%'")).isPositive();
        assertThat(db.scalar("select count(*) from audit_event where actor like ? or details like ?", "%0001122%", "%0001122%")).isZero();

        for (int i = 0; i < 5; i++) {
            assertThat(client().formLogin(user, "wrong-password-" + i).statusCode()).isEqualTo(200);
        }
        assertThat(db.scalar(
                "select count(*) from audit_event where action = 'LOGIN_FAILED' and actor = ? and details like '%bad_password%'", user))
                .isEqualTo(5);
        assertThat(db.scalar("select count(*) from audit_event where action = 'LOGIN_THROTTLED' and target_id = ?", user)).isEqualTo(1);
        assertThat(client().formLogin(user, PASSWORD).statusCode()).as("this address now waits, even for the right password")
                .isEqualTo(429);
        assertThat(db.scalar("select failed_logins from staff_account where username = ?", user)).isEqualTo(5);
    }

    @Test
    void behindTheTrustedProxyTheSubscriptionPageSeesTheForwardedClientAddress() {
        // arquillian.xml trusts any peer as a proxy: the page's per-address limit and its evidence use X-Forwarded-For
        String client = "198.51.100." + (100 + new java.util.Random().nextInt(100));
        String number = "+39347" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
        StaffClient browser = client().from(client);
        HttpResponse<String> page = browser.get("iscriviti.xhtml", null);
        String form = "subscribe=subscribe&subscribe%3Asubmit=&subscribe%3Alanguage=it&subscribe%3Anumber="
                + java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8)
                + "&subscribe%3Atopics=weather&subscribe%3Aconsent_input=on&jakarta.faces.ViewState="
                + java.net.URLEncoder.encode(StaffClient.viewState(page.body()), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(browser.postRaw("iscriviti.xhtml", form).body()).contains("id=\"subscribe:sent\"");

        assertThat(db.scalar("select count(*) from web_request where ip_hash = ?", pseudonyms.hash("ip:" + client))).isEqualTo(1);
        assertThat(db.scalar("select count(*) from web_request where ip_hash = ?", pseudonyms.hash("ip:127.0.0.1"))).isZero();
    }

    @Test
    @RunAsClient
    void theAuditTrailsOwnActorsCannotBeStaffUsernames() {
        for (String reserved : new String[]{"system", "Anonymous"}) {
            HttpResponse<String> refused = client().sendJson("POST", "api/v1/staff", admin(), "{\"username\":\"" + reserved
                    + "\",\"displayName\":\"X\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"EDITOR\"]}");
            assertError(refused, 400, "reserved_username");
        }
    }

    @Test
    void aJmsMessageReachesTheMessageDrivenBeanAndIsProcessedOnce() throws Exception {
        String token = connectivity.sendPing();

        Optional<ConnectivityPing> ping = Waiting.atMost(ofSeconds(20)).until(() -> connectivity.find(token),
                found -> found.isPresent() && found.get().receivedAt() != null);
        assertThat(ping).isPresent();
        assertThat(ping.get().receivedAt()).as("received by the MDB").isNotNull();
        Thread.sleep(500);
        assertThat(connectivity.find(token).orElseThrow().deliveries()).isEqualTo(1);
    }

    @Test
    void aForgedFormPostWithoutTheRealViewStateChangesNothing() {
        StaffClient browser = new StaffClient(client().base());
        assertThat(browser.formLogin("admin", Deployments.adminPassword()).statusCode()).isEqualTo(302);
        for (String viewState : new String[]{"-1234567890:987654321", null}) {
            String forged = unique("forged");
            HttpResponse<String> response = browser.postForm("console/admin/staff.xhtml", createForm(forged, "ADMIN", viewState));
            // refused as an expired view (Faces' CSRF protection): no stack trace, nothing created
            assertThat(response.body()).as("no stack trace").doesNotContain(".java:").doesNotContain("\tat ");
            assertThat(client().get("api/v1/staff/" + forged, admin()).statusCode()).as("forged post created nothing").isEqualTo(404);
        }
        // the control: the same post with the page's real view state does create the account
        String genuine = unique("genuine");
        HttpResponse<String> page = browser.get("console/admin/staff.xhtml", null);
        browser.postForm("console/admin/staff.xhtml", createForm(genuine, "EDITOR", StaffClient.viewState(page.body())));
        assertThat(client().get("api/v1/staff/" + genuine, admin()).statusCode()).as("the genuine post created it").isEqualTo(200);
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonObject body = object(response);
        assertThat(body.getString("error")).isEqualTo(code);
        assertThat(body.getString("message")).isNotBlank().doesNotContain("Exception");
    }
}
