package it.filodiretto.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journeys of PRODUCT.md's users in a real browser, each asserting what the person sees.
 */
@ExtendWith({RunningApplication.class, Screenshots.class})
class JourneysIT {

    /** After every journey: the server log holds none of the citizens' numbers (in any of their forms). */
    @AfterAll
    static void noPersonalDataInTheServerLog() throws Exception {
        String log = Files.readString(RunningApplication.serverLog());
        for (String number : Phone.USED) {
            assertThat(log).as("server log").doesNotContain(number.substring(1)).doesNotContain(number.substring(3));
        }
    }

    private static Browser browser() {
        return Screenshots.track(new Browser("en"));
    }

    @Test
    void theAdministratorCreatesStaffAccountsThatCanLogIn() {
        Browser admin = browser();
        admin.login("admin", RunningApplication.ADMIN_PASSWORD);
        admin.open("console/admin/staff.xhtml");
        Staff.create(admin, "nuovo-operatore", "Citizen-desk operator");
        String row = admin.awaitText("#list\\:accounts tr", "nuovo-operatore");
        assertThat(row).contains("Citizen-desk operator");

        Browser newcomer = browser();
        newcomer.login("nuovo-operatore", Staff.PASSWORD);
        String menu = newcomer.find("#menu").getText();
        assertThat(menu).contains("Operator inbox").doesNotContain("Staff").doesNotContain("Campaigns");
    }

    @Test
    void aCitizenAsksTheAssistantThenAnOperatorAnswersFromTheInbox() {
        Staff.ensure();
        Phone citizen = new Phone(browser());
        citizen.says("quando passa la plastica?");
        String answer = citizen.receives("Fonte ufficiale");
        assertThat(answer).contains("assistente automatico").contains("Raccolta della plastica").contains("https://");

        citizen.says("OPERATORE");
        citizen.receives("operatore del Comune");
        citizen.says("ho perso la ricevuta della TARI, mi aiutate?");

        Browser operator = browser();
        operator.login("sportello", Staff.PASSWORD);
        operator.open("console/assistant/inbox/inbox.xhtml");
        operator.click("a[id$=':open']");
        operator.awaitText("#history", "ho perso la ricevuta della TARI");
        assertThat(operator.find("#window").getText()).contains("24-hour window");
        operator.type("textarea[id$='reply']", "Buongiorno, sono dello sportello: le rimando la ricevuta per e-mail.");
        operator.click("button[id$='send']");
        operator.awaitText("#history", "le rimando la ricevuta");
        citizen.receives("le rimando la ricevuta per e-mail");

        operator.click("button[id$='close']");
        citizen.receives("risponde di nuovo l'assistente automatico");
        operator.awaitText(".fd-inbox-list", "No conversation waiting");

        citizen.says("orari dell'anagrafe");
        assertThat(citizen.receives("anagrafe")).contains("Fonte ufficiale");
    }

    @Test
    void theCitizenSubscribesAndThePrivacyOfficerFindsTheConsentErasesItAndVerifiesTheAuditChain() {
        Staff.ensure();
        Phone citizen = new Phone(browser());
        citizen.says("ISCRIVIMI");
        citizen.receives("Accetti di ricevere");
        citizen.taps("Accetto");
        citizen.receives("Iscrizione attiva");
        citizen.says("STOP");
        citizen.receives("sei stato cancellato");

        Browser dpo = browser();
        dpo.login("dpo", Staff.PASSWORD);
        dpo.open("console/consent/register.xhtml");
        dpo.type("input[id='register:number']", citizen.number);
        dpo.click("button[id='register:apply']");
        String row = dpo.awaitText("#register\\:table tbody tr", citizen.number);
        assertThat(row).contains("Unsubscribed");
        dpo.click("#register\\:table tbody tr button");
        assertThat(dpo.awaitText("#detail", "Consent given")).contains("Consent withdrawn");
        dpo.click("#detail button[title='Receipt']");
        assertThat(dpo.downloaded("consent-receipt")).contains("\"version\": \"KI-CR-v1.1.0\"").contains("consentReceiptID");

        dpo.type("input[id='detail:requestedOn_input']",
                java.time.LocalDate.now().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        dpo.click("button[id='detail:erase']");
        dpo.click(".ui-confirmdialog-yes");
        dpo.awaitText(".ui-growl-item, .ui-messages", "erased");

        dpo.open("console/audit/events.xhtml");
        dpo.click("button[id='verify:run']");
        assertThat(dpo.awaitText("#verify\\:result", "intact")).contains("events verified");

        dpo.open("console/consent/register.xhtml");
        dpo.type("input[id='register:number']", citizen.number);
        dpo.click("button[id='register:apply']");
        Boolean gone = dpo.until(d -> dpo.all("#register\\:table tbody tr").stream().noneMatch(r -> r.getText().contains(citizen.number)));
        assertThat(gone).as("after the erasure the number is nowhere in the register").isTrue();
    }

    @Test
    void aCampaignGoesFromDraftThroughReviewToTheCitizensPhoneWithLiveStatistics() {
        Staff.ensure();
        Phone citizen = new Phone(browser());
        citizen.says("ISCRIVIMI");
        citizen.taps("Accetto");
        citizen.receives("Iscrizione attiva");
        String token = "Ponte" + System.nanoTime() % 100_000;

        Browser editor = browser();
        editor.login("redattrice", Staff.PASSWORD);
        editor.open("console/campaigns/edit.xhtml");
        editor.type("input[id='editor:title']", "Chiusura ponte " + token);
        editor.click("label[for='" + editor.script(
                "return document.querySelector(\"[id='editor:topics'] input[value='public_utility']\").id") + "']");
        editor.click("[id='editor:template']");
        editor.clickText("[id='editor:template_items'] li", "avviso_protezione_civile");
        editor.type("textarea[id$='bodyParameter']", "il ponte di via Magenta chiude domani " + token);
        assertThat(editor.awaitText("[id='editor:preview']", token)).contains("via Magenta");
        editor.click("button[id='editor:submit']");
        editor.until(d -> d.getCurrentUrl().contains("view.xhtml?id="));
        String id = editor.driver.getCurrentUrl().replaceAll(".*id=(\\d+).*", "$1");

        Browser reviewer = browser();
        reviewer.login("revisore", Staff.PASSWORD);
        reviewer.open("console/campaigns/view.xhtml?id=" + id);
        reviewer.type("textarea[id$='comment']", "Indicate anche l'orario, per favore.");
        reviewer.click("button[id$='requestChanges']");
        reviewer.awaitText("[id$='state']", "Changes requested");

        editor.open("console/campaigns/edit.xhtml?id=" + id);
        editor.type("textarea[id$='bodyParameter']", "il ponte di via Magenta chiude domani dalle 8 alle 18 " + token);
        editor.awaitText("[id='editor:preview']", "dalle 8 alle 18");
        editor.click("button[id='editor:submit']");
        editor.until(d -> d.getCurrentUrl().contains("view.xhtml?id="));

        reviewer.open("console/campaigns/view.xhtml?id=" + id);
        assertThat(reviewer.find("[id$='diff']").getText()).contains("dalle 8 alle 18");
        reviewer.click("button[id$='approve']");
        reviewer.click("button[id$='sendNow']");
        reviewer.click(".ui-confirmdialog-yes");
        reviewer.until(d -> reached(reviewer) >= 1);

        assertThat(citizen.receives(token)).contains("dalle 8 alle 18");
    }

    @Test
    void civilProtectionSendsAnEmergencyAlertThatReachesTheCitizenAtOnce() {
        Staff.ensure();
        Phone citizen = new Phone(browser());
        citizen.says("ISCRIVIMI");
        citizen.taps("Accetto");
        citizen.receives("Iscrizione attiva");
        String token = "Esondazione" + System.nanoTime() % 100_000;

        Browser civilProtection = browser();
        civilProtection.login("protezione", Staff.PASSWORD);
        civilProtection.open("console/emergency/send.xhtml");
        civilProtection.click("[id='alert:template']");
        civilProtection.clickText("[id='alert:template_items'] li", "avviso_protezione_civile");
        civilProtection.type("input[id$='bodyParameter']", "Olona in piena: evitate i sottopassi " + token);
        civilProtection.type("textarea[id='alert:reason']", "Allerta rossa idrogeologica dalla Regione");
        civilProtection.click("button[id='alert:send']");
        civilProtection.click(".ui-confirmdialog-yes");
        civilProtection.until(d -> d.getCurrentUrl().contains("view.xhtml?id=") || !d.findElements(
                org.openqa.selenium.By.cssSelector(".ui-growl-item")).isEmpty());

        assertThat(citizen.receives(token)).contains("sottopassi");
    }

    /** Delivered plus read, as the statistics show them. */
    private static long reached(Browser b) {
        long n = 0;
        for (String state : new String[]{"DELIVERED", "READ"}) {
            var figure = b.all("#figure-" + state + " .fd-figure-n");
            if (!figure.isEmpty()) {
                n += Long.parseLong(figure.get(0).getText().replaceAll("[^0-9]", "0"));
            }
        }
        return n;
    }
}
