package it.filodiretto.domain.consent;

import it.filodiretto.domain.audit.AuditAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static it.filodiretto.domain.consent.ChatFixture.CITY;
import static it.filodiretto.domain.consent.ChatFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Topics and neighbourhoods chosen in the chat, without a container. */
class ChatPreferencesTest {

    private final ChatFixture chat = new ChatFixture();

    @BeforeEach
    void subscribe() {
        chat.say("ISCRIVIMI");
        chat.tap("consent:accept");
        chat.audited.clear();
    }

    @Test
    void aTopicRowTogglesThatTopicAndRecordsTheChangeAsConsent() {
        chat.tap("topic:weather");

        assertThat(chat.subscriber().topics()).doesNotContain("weather").hasSize(Topics.DEFAULT.size() - 1);
        assertThat(chat.subscribers.records).extracting(ConsentRecord::action)
                .containsExactly(ConsentRecord.Action.GRANTED, ConsentRecord.Action.CHANGED);
        assertThat(chat.audited).containsExactly(AuditAction.TOPICS_CHANGED);
        assertThat(chat.lastBody()).isEqualTo(text("topics.updated", chat.topics.labels(chat.subscriber().topics(), "it")));

        chat.tap("topic:weather");
        assertThat(chat.subscriber().topics()).contains("weather");
    }

    @Test
    void allTopicsWhenAlreadyFollowingAllRecordsNothingNew() {
        chat.tap("topic:*");
        assertThat(chat.subscribers.records).hasSize(1);
        assertThat(chat.lastBody()).startsWith("Argomenti aggiornati");
    }

    @Test
    void theLastTopicCannotBeRemoved() {
        for (String code : Topics.DEFAULT.subList(1, Topics.DEFAULT.size())) {
            chat.tap("topic:" + code);
        }
        chat.tap("topic:" + Topics.DEFAULT.get(0));

        assertThat(chat.lastBody()).isEqualTo(text("topics.lastOne"));
        assertThat(chat.subscriber().topics()).containsExactly(Topics.DEFAULT.get(0));
    }

    @Test
    void anUnknownTopicGetsTheHelp() {
        chat.tap("topic:horoscope");
        assertThat(chat.lastBody()).isEqualTo(text("help.text", CITY));
        assertThat(chat.subscribers.records).hasSize(1);
    }

    @Test
    void topicsAndNeighbourhoodsAreForSubscribersOnly() {
        chat.say("STOP");
        chat.say("ARGOMENTI");
        assertThat(chat.lastBody()).isEqualTo(text("topics.notSubscribed"));
        chat.tap("topic:weather");
        assertThat(chat.lastBody()).isEqualTo(text("topics.notSubscribed"));
        chat.say("QUARTIERE");
        assertThat(chat.lastBody()).isEqualTo(text("topics.notSubscribed"));
        chat.tap("area:centro");
        assertThat(chat.lastBody()).isEqualTo(text("topics.notSubscribed"));
    }

    @Test
    void theTopicListMarksTheTopicsFollowed() {
        chat.tap("topic:weather");
        chat.say("argomenti");
        assertThat(chat.lastChoices()).containsExactly("topic:*", "topic:public_utility", "topic:initiatives",
                "topic:deadlines", "topic:weather", "topic:emergencies");
    }

    @Test
    void neighbourhoodsAreToggledAndWholeCityClearsThem() {
        chat.say("QUARTIERE");
        assertThat(chat.lastChoices()).containsExactly("area:*", "area:centro", "area:borgo");

        chat.tap("area:centro");
        assertThat(chat.subscriber().neighbourhoods()).containsExactly("centro");
        assertThat(chat.lastBody()).isEqualTo(text("areas.updated", "Centro storico"));
        assertThat(chat.audited).containsExactly(AuditAction.NEIGHBOURHOODS_CHANGED);

        chat.tap("area:*");
        assertThat(chat.subscriber().neighbourhoods()).isEmpty();
        assertThat(chat.lastBody()).isEqualTo(text("areas.updated", text("areas.wholeCity")));
        assertThat(chat.subscribers.records).hasSize(1);
    }

    @Test
    void withoutNeighbourhoodsTheAreaCommandGetsTheHelp() {
        chat.neighbourhoods.configured = Optional.empty();
        chat.say("QUARTIERE");
        assertThat(chat.lastBody()).isEqualTo(text("help.text", CITY));
    }
}
