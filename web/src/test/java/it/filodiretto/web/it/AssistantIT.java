package it.filodiretto.web.it;

import it.filodiretto.domain.assistant.AssistantRecords;
import it.filodiretto.domain.common.PhoneMask;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The virtual assistant end to end on the sandbox phone: grounded answers with the official link and the AI
 * disclosure, the generative mode against a local fake model with its link check and fallback, the offer of
 * an operator, sensitive subjects, the operator inbox API, the knowledge-base API with its validation, sent
 * campaigns becoming articles, records and erasure.
 */
@ExtendWith(ArquillianExtension.class)
class AssistantIT {

    static final String PASSWORD = "Assistant-pass-2026";
    static final String DISCLOSURE = "\uD83E\uDD16 Sono l'assistente automatico di Filo Diretto";
    static final String KB = """
            {"synonyms": ["spazzatura, immondizia, rifiuti", "tari, tassa rifiuti"],
             "articles": [
              {"slug": "it-anagrafe-orari", "title": "Orari dell'anagrafe", "text": "L'anagrafe è aperta dal lunedì al venerdì dalle 8:30 alle 12:30, il giovedì anche dalle 14:00 alle 17:00. Si riceve su appuntamento prenotato online.", "link": "https://www.comune.esempio.it/it-anagrafe", "office": "Servizi demografici - tel. 0331 390 230", "tags": ["anagrafe", "orari"]},
              {"slug": "it-tari", "title": "TARI: come si paga", "text": "La TARI si paga in tre rate con pagoPA o F24: 16 aprile, 16 luglio, 2 dicembre.", "link": "https://www.comune.esempio.it/it-tari", "office": "Ufficio tributi", "tags": ["tari", "tributi"]},
              {"slug": "it-plastica", "title": "Raccolta della plastica", "text": "La plastica si raccoglie il martedì nel sacco giallo, da esporre la sera prima dalle 20.", "link": "https://www.comune.esempio.it/it-plastica", "tags": ["rifiuti", "plastica"]},
              {"slug": "it-bando-scaduto", "title": "Bando contributi vacanze", "text": "Domande per i contributi vacanze entro il 30 giugno.", "link": "https://www.comune.esempio.it/it-bando", "validUntil": "2020-06-30"}
             ]}""";

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(AssistantIT.class, FakeChatCompletions.class, CampaignFixtures.class);
    }

    @ArquillianResource
    URL base;

    private final Db db = new Db();

    @Inject
    Instance<AssistantRecords> records;

    StaffClient api;
    String editor;
    String editorName;
    String operator;
    String operatorName;

    @BeforeEach
    void setUp() throws Exception {
        api = new StaffClient(base.toURI());
        String suffix = String.valueOf(new Random().nextInt(1_000_000));
        editorName = "kb" + suffix;
        editor = user(editorName, "EDITOR");
        operatorName = "op" + suffix;
        operator = user(operatorName, "OPERATOR");
        HttpResponse<String> imported = api.sendJson("POST", "api/v1/knowledge/articles/import", editor, KB);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        FakeChatCompletions.mode = FakeChatCompletions.Mode.GOOD;
    }

    private String user(String username, String role) {
        HttpResponse<String> created = api.sendJson("POST", "api/v1/staff", StaffClient.basic("admin", Deployments.adminPassword()),
                "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\""
                        + role + "\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return StaffClient.basic(username, PASSWORD);
    }

    private AssistantRecords records() {
        return records.get();
    }

    private SandboxPhone phone() throws Exception {
        return new SandboxPhone(base.toURI(), db);
    }

    @Test
    void anEverydayQuestionGetsTheOfficialAnswerWithItsLinkAndTheDisclosureOnce() throws Exception {
        FakeChatCompletions.mode = FakeChatCompletions.Mode.NO_LINK; // a generated text without the official link is not used
        SandboxPhone citizen = phone();
        citizen.says("a che ora apre l'anagrafe giovedi?");
        String first = citizen.awaitMessage(1).getString("text");
        assertThat(first).startsWith("\uD83E\uDD16 Sono l'assistente automatico di Filo Diretto").contains("OPERATORE")
                .contains("*Orari dell'anagrafe*").contains("14:00").contains("https://www.comune.esempio.it/it-anagrafe")
                .contains("0331 390 230").doesNotContain("Risposta generata");

        citizen.says("quando si paga la tassa rifiuti");
        String second = citizen.awaitMessage(2).getString("text");
        assertThat(second).contains("https://www.comune.esempio.it/it-tari").doesNotContain("assistente automatico");

        assertThat(db.scalar("select count(*) from assistant_exchange where address = ? and kind = 'ANSWERED' and mode = 'RETRIEVAL'"
                + " and articles like 'it-%'", citizen.number)).isEqualTo(2);
        assertThat(db.text("select articles from assistant_exchange where address = ? order by id fetch first 1 rows only", citizen.number))
                .startsWith("it-anagrafe-orari:");

        HttpResponse<String> metrics = api.get("metrics?scope=application", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("filodiretto_assistant_answers").contains("mode=\"RETRIEVAL\"")
                .contains("filodiretto_whatsapp_messages_sent").contains("filodiretto_webhook_calls")
                .contains("filodiretto_dispatch_queue_depth");
    }

    @Test
    void generativeModeAnswersFromTheRetrievedPassagesAndFallsBackWhenTheModelFails() throws Exception {
        SandboxPhone citizen = phone();
        citizen.says("come si paga la tari?");
        String generated = citizen.awaitMessage(1).getString("text");
        assertThat(generated).contains("Risposta generata dal modello").contains("https://www.comune.esempio.it/it-tari")
                .contains("assistente automatico");
        assertThat(FakeChatCompletions.lastAuthorization).isEqualTo("Bearer it-llm-key");
        String prompt = FakeChatCompletions.lastRequest.getJsonArray("messages").getJsonObject(1).getString("content");
        assertThat(prompt).contains("pagoPA").contains("come si paga la tari?").doesNotContain("plastica");
        assertThat(FakeChatCompletions.lastRequest.getJsonArray("messages").getJsonObject(0).getString("content")).contains("ONLY");
        assertThat(db.scalar("select count(*) from assistant_exchange where address = ? and mode = 'GENERATIVE'", citizen.number))
                .isEqualTo(1);

        FakeChatCompletions.mode = FakeChatCompletions.Mode.ERROR;
        citizen.says("quando passa la plastica");
        assertThat(citizen.awaitMessage(2).getString("text")).contains("martedì").contains("https://www.comune.esempio.it/it-plastica");
        assertThat(db.scalar("select count(*) from assistant_exchange where address = ? and mode = 'RETRIEVAL'", citizen.number))
                .isEqualTo(1);
    }

    @Test
    void withoutAnOfficialAnswerTheAssistantDeclinesAndOffersAnOperator() throws Exception {
        SandboxPhone citizen = phone();
        citizen.says("corsi di ceramica per adulti?");
        JsonObject offer = citizen.awaitMessage(1);
        assertThat(offer.getString("kind")).isEqualTo("interactive");
        assertThat(offer.getString("text")).contains("Non ho una risposta ufficiale");
        assertThat(offer.getJsonArray("buttons").toString()).contains("assistant:operator").contains("assistant:no");

        citizen.says("contributi vacanze"); // only an expired article speaks of it
        assertThat(citizen.awaitMessage(2).getString("text")).contains("Non ho una risposta ufficiale").doesNotContain("it-bando");

        citizen.taps("assistant:operator");
        assertThat(citizen.awaitMessage(3).getString("text")).contains("operatore");
        assertThat(db.text("select reason from handoff where address = ? and state = 'WAITING'", citizen.number))
                .isEqualTo("LOW_CONFIDENCE");
    }

    @Test
    void aCourtesyOpeningTheConversationCarriesTheDisclosureAndOnlyThatOne() throws Exception {
        SandboxPhone citizen = phone();
        citizen.says("ciao");
        assertThat(citizen.awaitMessage(1).getString("text")).startsWith(DISCLOSURE).contains("OPERATORE").contains("ISCRIVIMI");
        citizen.says("grazie");
        assertThat(citizen.awaitMessage(2).getString("text")).doesNotContain("assistente automatico").contains("OPERATORE");
        citizen.says("orari anagrafe");
        assertThat(citizen.awaitMessage(3).getString("text")).doesNotContain("assistente automatico")
                .contains("https://www.comune.esempio.it/it-anagrafe");
    }

    @Test
    void aQuestionAboutAnotherMunicipalityIsDeclinedNamingOurCityWithoutTheOperatorOffer() throws Exception {
        SandboxPhone citizen = phone();
        citizen.says("orari dell'anagrafe di Gallarate?");
        JsonObject reply = citizen.awaitMessage(1);
        assertThat(reply.getString("kind")).isEqualTo("text");
        assertThat(reply.getString("text")).startsWith(DISCLOSURE).contains("Rispondo per il Comune").contains("Gallarate")
                .doesNotContain("https://www.comune.esempio.it/it-anagrafe");
        // Castellanza is a Comune in ISTAT's list, and one of this city's places here (filodiretto.city.places, arquillian.xml)
        citizen.says("orari dell'anagrafe a Castellanza");
        assertThat(citizen.awaitMessage(2).getString("text")).contains("https://www.comune.esempio.it/it-anagrafe");
    }

    @Test
    void sensitiveSubjectsGetTheEmergencyNumbersAndAHumanNeverAGeneratedAnswer() throws Exception {
        int calls = FakeChatCompletions.CALLS.get();
        SandboxPhone citizen = phone();
        citizen.says("aiuto mio marito mi picchia");
        String text = citizen.awaitMessage(1).getString("text");
        assertThat(text).as("the first reply of a conversation discloses the AI, whatever its kind")
                .startsWith(DISCLOSURE).contains("112").contains("1522");
        assertThat(db.text("select reason from handoff where address = ? and state = 'WAITING'", citizen.number)).isEqualTo("SENSITIVE");
        assertThat(db.text("select mode from assistant_exchange where address = ? and kind = 'SENSITIVE'", citizen.number))
                .isEqualTo("FIXED");
        assertThat(FakeChatCompletions.CALLS.get()).isEqualTo(calls);
    }

    @Test
    void operatoreHandsTheConversationToAnOperatorWhoAnswersFromTheInbox() throws Exception {
        SandboxPhone citizen = phone();
        citizen.says("OPERATORE");
        assertThat(citizen.awaitMessage(1).getString("text")).startsWith(DISCLOSURE).contains("operatore del Comune");
        long handoff = db.scalar("select id from handoff where address = ? and state = 'WAITING'", citizen.number);
        assertThat(handoff).isPositive();

        citizen.says("devo cambiare la residenza ma non trovo la pratica");
        citizen.awaitProcessed();
        Thread.sleep(1000);
        assertThat(citizen.received()).as("the assistant stays silent while an operator owns the conversation").hasSize(1);

        JsonObject inbox = StaffClient.object(api.get("api/v1/assistant/handoffs", operator));
        assertThat(inbox.getJsonArray("handoffs").toString()).contains(citizen.number.substring(1));
        JsonObject conversation = StaffClient.object(api.get("api/v1/assistant/handoffs/" + handoff, operator));
        assertThat(conversation.getJsonArray("history").toString()).contains("non trovo la pratica");
        assertThat(conversation.getBoolean("windowOpen")).isTrue();
        assertThat(conversation.getJsonNumber("windowLeftMinutes").longValue()).isGreaterThan(23 * 60);

        HttpResponse<String> empty = api.sendJson("POST", "api/v1/assistant/handoffs/" + handoff + "/reply", operator, "{\"text\":\"  \"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("reply_required");
        HttpResponse<String> reply = api.sendJson("POST", "api/v1/assistant/handoffs/" + handoff + "/reply", operator,
                "{\"text\":\"Buongiorno, sono l'operatore dell'URP: le mando il link della pratica.\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(citizen.awaitMessage(2).getString("text")).startsWith("Buongiorno, sono l'operatore dell'URP");
        assertThat(db.text("select operator from handoff where id = ?", handoff)).isEqualTo(operatorName);
        assertThat(db.text("select state from handoff where id = ?", handoff)).isEqualTo("ACTIVE");

        StaffClient browser = new StaffClient(base.toURI());
        assertThat(browser.formLogin(operatorName, PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> page = browser.get("console/assistant/inbox/inbox.xhtml", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(PhoneMask.mask(citizen.number)).doesNotContain(citizen.number);

        assertThat(api.sendJson("POST", "api/v1/assistant/handoffs/" + handoff + "/close", operator, "{}").statusCode()).isEqualTo(200);
        assertThat(citizen.awaitMessage(3).getString("text")).contains("assistente automatico");
        HttpResponse<String> again = api.sendJson("POST", "api/v1/assistant/handoffs/" + handoff + "/reply", operator, "{\"text\":\"x\"}");
        assertThat(again.statusCode()).isEqualTo(409);

        citizen.says("orari anagrafe");
        assertThat(citizen.awaitMessage(4).getString("text")).contains("https://www.comune.esempio.it/it-anagrafe");
        assertThat(db.scalar("select count(*) from audit_event where action in ('HANDOFF_OPENED','HANDOFF_REPLIED','HANDOFF_CLOSED')"
                + " and target_id = ?", String.valueOf(handoff))).isEqualTo(3);
        assertThat(db.scalar("select count(*) from audit_event where action = 'HANDOFF_REPLIED' and details like ?", "%URP%")).isZero();
    }

    @Test
    void theKnowledgeBaseApiValidatesEveryChangeAndTheIndexFollowsIt() throws Exception {
        String slug = "it-test-" + new Random().nextInt(1_000_000);
        HttpResponse<String> bad = api.sendJson("POST", "api/v1/knowledge/articles", editor,
                "{\"slug\":\"" + slug + "\",\"title\":\"\",\"text\":\"x\",\"link\":\"ftp://x\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(StaffClient.object(bad).getString("error")).isEqualTo("title_required");

        HttpResponse<String> csv = api.send("POST", "api/v1/knowledge/articles/import", editor, "text/csv",
                "slug,title,text\nok-one,Titolo,Testo\nBAD SLUG,Titolo,Testo\n");
        assertThat(csv.statusCode()).isEqualTo(422);
        assertThat(csv.body()).contains("\"line\":3").contains("invalid").contains("BAD SLUG");
        assertThat(api.get("api/v1/knowledge/articles/ok-one", editor).statusCode()).as("nothing imported from a file with errors")
                .isEqualTo(404);
        HttpResponse<String> huge = api.send("POST", "api/v1/knowledge/articles/import", editor, "text/csv",
                "slug,title,text\n" + "x".repeat(21 * 1024 * 1024));
        assertThat(huge.statusCode()).as("a body over the import budget is refused before it is read whole").isEqualTo(413);
        assertThat(StaffClient.object(huge).getString("error")).isEqualTo("payload_too_large");
        assertThat(StaffClient.object(huge).getString("message")).contains("20 MB");

        HttpResponse<String> created = api.sendJson("POST", "api/v1/knowledge/articles", editor, "{\"slug\":\"" + slug
                + "\",\"title\":\"Sportello biciclette smarrite\",\"text\":\"Le biciclette ritrovate si ritirano al magazzino comunale di via Gaggio.\","
                + "\"link\":\"https://www.comune.esempio.it/" + slug + "\",\"tags\":[\"biciclette\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long version = StaffClient.object(created).getJsonNumber("version").longValue();
        assertThat(ask("dove ritiro la bicicletta ritrovata").getJsonArray("articles").getJsonObject(0).getString("slug")).isEqualTo(slug);

        HttpResponse<String> stale = api.sendJson("PUT", "api/v1/knowledge/articles/" + slug, editor,
                "{\"version\":" + (version + 5) + ",\"title\":\"X\",\"text\":\"Y\"}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(api.sendJson("POST", "api/v1/knowledge/articles/" + slug + "/archive", editor, "{}").statusCode()).isEqualTo(200);
        assertThat(ask("dove ritiro la bicicletta ritrovata").getString("outcome")).isEqualTo("NO_ANSWER");
        assertThat(api.sendJson("POST", "api/v1/knowledge/articles/" + slug + "/restore", editor, "{}").statusCode()).isEqualTo(200);
        assertThat(ask("dove ritiro la bicicletta ritrovata").getString("outcome")).isEqualTo("ANSWERED");

        HttpResponse<String> synonyms = api.sendJson("PUT", "api/v1/knowledge/synonyms", editor, "{\"synonyms\":[\"solo\"]}");
        assertThat(synonyms.statusCode()).isEqualTo(400);
        assertThat(synonyms.body()).contains("invalid_synonyms");
        assertThat(api.sendJson("POST", "api/v1/knowledge/articles", operator, "{}").statusCode()).isEqualTo(403);

        assertThat(db.scalar("select count(*) from audit_event where action in ('ARTICLE_CREATED','ARTICLE_ARCHIVED','ARTICLE_RESTORED')"
                + " and target_id = ?", slug)).isEqualTo(3);
    }

    @Test
    void whatEditorsAndCitizensTypeIsShownInertOnEveryPage() throws Exception {
        String xss = "<img src=x onerror=alert(1)>";
        String slug = "it-xss-" + new Random().nextInt(1_000_000);
        assertThat(api.sendJson("POST", "api/v1/knowledge/articles", editor, "{\"slug\":\"" + slug + "\",\"title\":\"Sportello " + xss
                + "\",\"text\":\"Testo " + xss + "\",\"tags\":[\"" + xss + "\"]}").statusCode()).isEqualTo(201);
        SandboxPhone citizen = phone();
        citizen.says("OPERATORE");
        citizen.awaitMessage(1);
        citizen.says("aiuto " + xss);
        citizen.awaitProcessed();

        StaffClient editorBrowser = new StaffClient(base.toURI());
        assertThat(editorBrowser.formLogin(editorName, PASSWORD).statusCode()).isEqualTo(302);
        long id = StaffClient.object(api.get("api/v1/knowledge/articles/" + slug, editor)).getJsonNumber("id").longValue();
        for (String page : new String[]{"console/assistant/knowledge/articles.xhtml",
                "console/assistant/knowledge/article.xhtml?id=" + id}) {
            HttpResponse<String> html = editorBrowser.get(page, null);
            assertThat(html.statusCode()).isEqualTo(200);
            assertThat(html.body()).as(page).doesNotContain(xss);
        }
        StaffClient operatorBrowser = new StaffClient(base.toURI());
        assertThat(operatorBrowser.formLogin(operatorName, PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> records = operatorBrowser.get("console/assistant/inbox/records.xhtml", null);
        assertThat(records.body()).contains("aiuto &lt;img").doesNotContain(xss);

        citizen.says("=HYPERLINK(\"http://evil.example\",\"clic\")");
        citizen.awaitProcessed();
        HttpResponse<String> page = operatorBrowser.get("console/assistant/inbox/records.xhtml", null);
        HttpResponse<String> csv = operatorBrowser.postForm("console/assistant/inbox/records.xhtml", java.util.Map.of("records", "records",
                "records:csv", "", "jakarta.faces.ViewState", StaffClient.viewState(page.body())));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).as("CSV export").contains("'=HYPERLINK").doesNotContain(",\"=HYPERLINK")
                .doesNotContain("#{").doesNotContain("<span").contains(PhoneMask.mask(citizen.number));
    }

    private JsonObject ask(String question) {
        HttpResponse<String> answer = api.sendJson("POST", "api/v1/assistant/ask", operator, "{\"question\":\"" + question + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return StaffClient.object(answer);
    }

    @Test
    void sentCampaignsBecomeArticlesWhileTheyAreValid() throws Exception {
        CampaignFixtures campaigns = new CampaignFixtures(base.toURI(), db);
        campaigns.seedSubscribers(1, "public_utility", "");
        String token = "Ponte" + new Random().nextInt(1_000_000);
        long id = campaigns.sendNow("public_utility", token);
        Waiting.atMost(ofSeconds(30)).until(() -> "SENT".equals(campaigns.state(id)));
        Waiting.atMost(ofSeconds(30)).until(() -> api.get("api/v1/knowledge/articles/campagna-" + id, editor).statusCode() == 200);
        JsonObject article = StaffClient.object(api.get("api/v1/knowledge/articles/campagna-" + id, editor));
        assertThat(article.getString("source")).isEqualTo("CAMPAIGN");
        assertThat(article.getString("text")).contains(token);
        assertThat(LocalDate.parse(article.getString("validUntil"))).isAfter(LocalDate.now());
    }

    @Test
    void recordsAreExportableAndErasureTakesTheConversationsAway() throws Exception {
        SandboxPhone citizen = phone();
        citizen.says("ISCRIVIMI");
        citizen.awaitMessage(1);
        citizen.taps("consent:accept");
        citizen.awaitMessage(3);
        citizen.says("orari anagrafe");
        citizen.awaitMessage(4);
        long subscriber = db.scalar("select id from subscriber where phone = ?", citizen.number);
        assertThat(db.scalar("select count(*) from assistant_exchange where address = ?", citizen.number)).isEqualTo(1);

        JsonObject records = StaffClient.object(api.get("api/v1/assistant/records?from=" + LocalDate.now().minusDays(1), operator));
        assertThat(records.getJsonObject("counts").getJsonNumber("ANSWERED").longValue()).isPositive();
        assertThat(records.getJsonArray("records").toString()).contains(citizen.number);
        assertThat(db.scalar("select count(*) from audit_event where action = 'ASSISTANT_RECORDS_EXPORTED' and actor = ?",
                operatorName)).isPositive();
        assertThat(api.get("api/v1/assistant/records?from=2027-01-02&to=2027-01-01", operator).statusCode()).isEqualTo(400);
        records().dailyUsage();
        records().dailyUsage();
        assertThat(db.scalar("select count(*) from audit_event where action = 'ASSISTANT_USAGE' and target_id = ?",
                LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())).as("one usage record per day, counts only").isEqualTo(1);

        String dpo = user("dpoa" + new Random().nextInt(1_000_000), "PRIVACY_OFFICER");
        HttpResponse<String> erased = api.sendJson("POST", "api/v1/consents/subscribers/" + subscriber + "/erasure", dpo,
                "{\"requestedOn\":\"" + LocalDate.now() + "\"}");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);
        assertThat(db.scalar("select count(*) from assistant_exchange where address = ?", citizen.number)).isZero();
    }
}
