package it.filodiretto.domain.consent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatChoiceTest {

    @Test
    void theConsentAndPrivacyButtonsKeepTheirIds() {
        assertThat(ChatChoice.parse("consent:accept")).contains(ChatChoice.Consent.ACCEPT);
        assertThat(ChatChoice.parse("consent:decline")).contains(ChatChoice.Consent.DECLINE);
        assertThat(ChatChoice.parse("consent:renew")).contains(ChatChoice.Consent.RENEW);
        assertThat(ChatChoice.parse("privacy:receipt")).contains(ChatChoice.Privacy.RECEIPT);
        assertThat(ChatChoice.parse("privacy:access")).contains(ChatChoice.Privacy.ACCESS);
        assertThat(ChatChoice.parse("privacy:erase")).contains(ChatChoice.Privacy.ERASE);
        assertThat(ChatChoice.parse("privacy:erase!")).contains(ChatChoice.Privacy.ERASE_CONFIRMED);
    }

    @Test
    void listRowsCarryTheirCodeOrStandForAll() {
        assertThat(ChatChoice.parse("topic:weather")).contains(new ChatChoice.Topic("weather"));
        assertThat(ChatChoice.parse("topic:*")).hasValueSatisfying(c -> assertThat(((ChatChoice.Topic) c).isAll()).isTrue());
        assertThat(ChatChoice.parse("area:centro")).contains(new ChatChoice.Area("centro"));
        assertThat(ChatChoice.parse("area:*")).hasValueSatisfying(c -> assertThat(((ChatChoice.Area) c).isWholeCity()).isTrue());
        assertThat(new ChatChoice.Topic("weather").isAll()).isFalse();
    }

    @Test
    void webTemplateButtonsAreWebAnswersThatKnowWhetherTheyConfirm() {
        assertThat(ChatChoice.parse("webconfirm:tok"))
                .hasValueSatisfying(c -> assertThat(((ChatChoice.WebAnswer) c).isConfirmation()).isTrue());
        assertThat(ChatChoice.parse("webstop:tok"))
                .hasValueSatisfying(c -> assertThat(((ChatChoice.WebAnswer) c).isConfirmation()).isTrue());
        assertThat(ChatChoice.parse("webdeny:tok"))
                .hasValueSatisfying(c -> assertThat(((ChatChoice.WebAnswer) c).isConfirmation()).isFalse());
        assertThat(ChatChoice.parse("webkeep:tok"))
                .hasValueSatisfying(c -> assertThat(((ChatChoice.WebAnswer) c).isConfirmation()).isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"consent:accept", "consent:decline", "consent:renew", "privacy:receipt", "privacy:access",
            "privacy:erase", "privacy:erase!", "topic:*", "topic:weather", "area:*", "area:centro", "webconfirm:abc", "webkeep:abc"})
    void everyChoiceGivesBackTheIdItWasParsedFrom(String id) {
        assertThat(ChatChoice.parse(id)).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "consent:", "consent:maybe", "privacy:", "faq:42", "Topic:weather"})
    void idsTheChannelNeverSentAreLeftToTheAssistant(String id) {
        assertThat(ChatChoice.parse(id)).isEmpty();
        assertThat(ChatChoice.parse(null)).isEmpty();
    }
}
