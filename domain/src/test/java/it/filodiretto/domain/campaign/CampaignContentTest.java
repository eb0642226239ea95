package it.filodiretto.domain.campaign;

import it.filodiretto.domain.common.Refusals;

import it.filodiretto.domain.common.DomainException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Content validates itself when built: what is wrong whatever the day is refused by the constructor. */
class CampaignContentTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aCompleteContentIsBuiltNormalised() {
        CampaignContent content = new CampaignContent("  TARI  ", Set.of("weather", "deadlines"), null, " scadenza ", " ", null,
                List.of("a"), null, null, " ", " https://comune.example/x.jpg ");
        assertThat(content.title()).isEqualTo("TARI");
        assertThat(content.topics()).containsExactly("deadlines", "weather");
        assertThat(content.neighbourhoods()).isEmpty();
        assertThat(content.templateName()).isEqualTo("scadenza");
        assertThat(content.language()).as("Italian unless said").isEqualTo("it");
        assertThat(content.headerParameters()).isEmpty();
        assertThat(content.headerMedia()).isNull();
        assertThat(content.link()).isEqualTo("https://comune.example/x.jpg");
    }

    @Test
    void aContentWithoutTitleIsRefused() {
        assertRefused(" ", Set.of("deadlines"), "scadenza", "it", List.of(), null, null, null, null, "title_required");
    }

    @Test
    void aTitleOver200CharactersIsRefused() {
        assertRefused("x".repeat(201), Set.of("deadlines"), "scadenza", "it", List.of(), null, null, null, null, "title_too_long");
        assertThat(valid("x".repeat(200)).title()).hasSize(200);
    }

    @Test
    void aContentWithoutTopicIsRefused() {
        assertRefused("t", Set.of(), "scadenza", "it", List.of(), null, null, null, null, "no_topic");
        assertRefused("t", null, "scadenza", "it", List.of(), null, null, null, null, "no_topic");
    }

    @Test
    void aContentWithoutTemplateIsRefused() {
        assertRefused("t", Set.of("deadlines"), " ", "it", List.of(), null, null, null, null, "template_required");
    }

    @Test
    void aTemplateNameOrLanguageThatCannotExistIsRefused() {
        assertRefused("t", Set.of("deadlines"), "x".repeat(513), "it", List.of(), null, null, null, null, "unknown_template");
        assertRefused("t", Set.of("deadlines"), "scadenza", "it-IT", List.of(), null, null, null, null, "unknown_template");
        assertRefused("t", Set.of("deadlines"), "scadenza", "i", List.of(), null, null, null, null, "unknown_template");
    }

    @Test
    void aMediaHeaderMustBeAnHttpsAddressAndALinkHasNoBlanks() {
        assertRefused("t", Set.of("deadlines"), "scadenza", "it", List.of(), null, null, "http://comune.example/x.jpg", null,
                "invalid_link");
        assertRefused("t", Set.of("deadlines"), "scadenza", "it", List.of(), null, null, "https://" + "x".repeat(2000), null,
                "invalid_link");
        assertRefused("t", Set.of("deadlines"), "scadenza", "it", List.of(), null, null, null, "orari 2027", "invalid_link");
        CampaignContent fine = new CampaignContent("t", Set.of("deadlines"), Set.of(), "scadenza", "it", List.of(), List.of(), null, null,
                "https://comune.example/x.jpg", "orari-2027");
        assertThat(fine.link()).isEqualTo("orari-2027");
    }

    @Test
    void parametersOverWhatsAppsLimitsAreRefused() {
        assertRefused("t", Set.of("deadlines"), "scadenza", "it", List.of("x".repeat(1025)), null, null, null, null, "parameter_too_long");
        assertRefused("t", Set.of("deadlines"), "scadenza", "it", new ArrayList<>(Collections.nCopies(21, "x")), null, null, null, null,
                "parameter_too_long");
        assertThat(new CampaignContent("t", Set.of("deadlines"), Set.of(), "scadenza", "it", Collections.nCopies(10, "x"),
                Collections.nCopies(10, "x".repeat(1024)), null, null).bodyParameters()).hasSize(10);
    }

    @Test
    void anExpiryNotAfterTheWishedTimeIsRefused() {
        assertRefused("t", Set.of("deadlines"), "scadenza", "it", List.of(), NOW, NOW, null, null, "expiry_before_start");
        assertRefused("t", Set.of("deadlines"), "scadenza", "it", List.of(), NOW, NOW.minusHours(1), null, null, "expiry_before_start");
    }

    @Test
    void aWishedTimeThatHasPassedIsRefusedOnTheDay() {
        CampaignContent content = new CampaignContent("t", Set.of("deadlines"), Set.of(), "scadenza", "it", List.of(), List.of(), NOW,
                null);
        content.checkTimes(NOW.minusSeconds(1));
        assertThatThrownBy(() -> content.checkTimes(NOW)).satisfies(Refusals.code("schedule_in_past"));
    }

    @Test
    void anExpiryThatHasPassedIsRefusedOnTheDay() {
        CampaignContent content = new CampaignContent("t", Set.of("deadlines"), Set.of(), "scadenza", "it", List.of(), List.of(), null,
                NOW);
        content.checkTimes(NOW.minusSeconds(1));
        assertThatThrownBy(() -> content.checkTimes(NOW)).satisfies(Refusals.code("expiry_before_start"));
    }

    @Test
    void theHashCoversWhatReachesCitizensNotTheTitleOrTheWishedTime() {
        CampaignContent content = valid("one");
        CampaignContent retitled = new CampaignContent("two", Set.of("deadlines"), Set.of(), "scadenza", "it", List.of(), List.of("IMU"),
                NOW.plusDays(1), null);
        assertThat(retitled.hash()).isEqualTo(content.hash());
        assertThat(new CampaignContent("one", Set.of("deadlines", "weather"), Set.of(), "scadenza", "it", List.of(), List.of("IMU"), null,
                null)
                .hash()).isNotEqualTo(content.hash());
    }

    @Test
    void topicsAreSortedAndCannotBeChangedFromOutside() {
        CampaignContent content = new CampaignContent("t", Set.of("z", "a"), Set.of("b"), "scadenza", "it", List.of(), List.of(), null,
                null);
        assertThat(content.topics()).containsExactly("a", "z");
        assertThatThrownBy(() -> content.topics().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    private static CampaignContent valid(String title) {
        return new CampaignContent(title, Set.of("deadlines"), Set.of(), "scadenza", "it", List.of(), List.of("IMU"), null, null);
    }

    private static void assertRefused(String title, Set<String> topics, String template, String language, List<String> body,
            OffsetDateTime at, OffsetDateTime expires, String media, String link, String code) {
        assertThatThrownBy(
                () -> new CampaignContent(title, topics, Set.of(), template, language, List.of(), body, at, expires, media, link))
                .isInstanceOf(DomainException.class).satisfies(Refusals.kind(DomainException.Kind.INVALID))
                .satisfies(Refusals.code(code));
    }
}
