package it.filodiretto.domain.consent;

import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.whatsapp.OutboundMessage;
import org.junit.jupiter.api.Test;

import static it.filodiretto.domain.consent.ChatFixture.CITY;
import static it.filodiretto.domain.consent.ChatFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Consent in the chat, without a container: subscribe, accept, decline, renew, STOP. */
class ChatConsentTest {

    private final ChatFixture chat = new ChatFixture();

    @Test
    void subscribeAsksForConsentWithTheNoticeAndOnlyAcceptActivates() {
        assertThat(chat.say("iscrivimi!")).isTrue();

        Subscriber subscriber = chat.subscriber();
        assertThat(subscriber.state()).isEqualTo(Subscriber.State.PENDING);
        assertThat(subscriber.phone()).isEqualTo("+" + ChatFixture.WA_ID);
        assertThat(chat.lastBody()).isEqualTo(text("subscribe.ask", CITY, chat.notice.summary(), chat.notice.url()));
        assertThat(chat.lastChoices()).containsExactly("consent:accept", "consent:decline");
        assertThat(chat.subscribers.records).isEmpty();
        assertThat(chat.audited).containsExactly(AuditAction.SUBSCRIPTION_REQUESTED);

        chat.tap("consent:accept");

        assertThat(subscriber.isActive()).isTrue();
        assertThat(subscriber.topics()).containsExactlyInAnyOrderElementsOf(Topics.DEFAULT);
        assertThat(chat.subscribers.records).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(ConsentRecord.Action.GRANTED);
            assertThat(r.channel()).isEqualTo(ConsentRecord.Channel.WHATSAPP_KEYWORD);
            assertThat(r.toJson().getJsonObject("evidence").getString(ConsentEvidence.MESSAGE_REF)).isEqualTo("hash-of-wamid.2");
        });
        assertThat(chat.audited).containsExactly(AuditAction.SUBSCRIPTION_REQUESTED, AuditAction.CONSENT_GRANTED);
        assertThat(chat.sent.get(chat.sent.size() - 2)).isEqualTo(new OutboundMessage.Text("+" + ChatFixture.WA_ID,
                text("subscribe.done", CITY)));
        assertThat(chat.lastChoices()).startsWith("topic:*").contains("topic:weather");
    }

    @Test
    void theClockIsReadOnlyAfterTheSubscribersRowIsLocked() {
        chat.say("ISCRIVIMI");
        chat.now = ChatFixture.T0.plusMinutes(5);
        chat.tap("consent:accept");
        assertThat(chat.lookupsWhenClockRead).containsExactly(1, 2);
        assertThat(chat.subscriber().lastInboundAt()).isEqualTo(chat.now);
        assertThat(chat.subscribers.records.get(0).occurredAt()).isEqualTo(chat.now);
    }

    @Test
    void acceptWithoutAPendingRequestActivatesNothing() {
        chat.tap("consent:accept");
        assertThat(chat.lastBody()).isEqualTo(text("subscribe.noPending", CITY));
        assertThat(chat.subscribers.subscribers).isEmpty();

        subscribe();
        chat.tap("consent:accept");
        assertThat(chat.lastBody()).isEqualTo(text("subscribe.already", CITY));
        assertThat(chat.subscribers.records).hasSize(1);
    }

    @Test
    void declineClosesThePendingRequestWithoutAConsentRecord() {
        chat.say("ISCRIVIMI");
        chat.tap("consent:decline");

        assertThat(chat.subscriber().state()).isEqualTo(Subscriber.State.UNSUBSCRIBED);
        assertThat(chat.lastBody()).isEqualTo(text("subscribe.declined"));
        assertThat(chat.subscribers.records).isEmpty();
        assertThat(chat.audited).containsExactly(AuditAction.SUBSCRIPTION_REQUESTED, AuditAction.SUBSCRIPTION_DECLINED);
    }

    @Test
    void stopWithdrawsAtOnceWithOneRecordAndOneAuditEvent() {
        subscribe();
        chat.audited.clear();

        assertThat(chat.say("Stop")).isTrue();

        Subscriber subscriber = chat.subscriber();
        assertThat(subscriber.state()).isEqualTo(Subscriber.State.UNSUBSCRIBED);
        assertThat(subscriber.mayReceiveBroadcastsAt(chat.now)).isFalse();
        assertThat(chat.subscribers.records).extracting(ConsentRecord::action)
                .containsExactly(ConsentRecord.Action.GRANTED, ConsentRecord.Action.WITHDRAWN);
        assertThat(chat.audited).containsExactly(AuditAction.CONSENT_WITHDRAWN);
        assertThat(chat.lastBody()).isEqualTo(text("stop.done", CITY));
    }

    @Test
    void stopFromANumberThatIsNotSubscribedSaysSo() {
        chat.say("STOP");
        assertThat(chat.lastBody()).isEqualTo(text("stop.unknown", CITY));
        subscribe();
        chat.say("STOP");
        chat.say("STOP");
        assertThat(chat.lastBody()).isEqualTo(text("stop.unknown", CITY));
        assertThat(chat.subscribers.records).hasSize(2);
    }

    @Test
    void stopOfAPendingRequestIsADeclineNotAWithdrawal() {
        chat.say("ISCRIVIMI");
        chat.say("STOP");
        assertThat(chat.subscriber().state()).isEqualTo(Subscriber.State.UNSUBSCRIBED);
        assertThat(chat.subscribers.records).isEmpty();
        assertThat(chat.audited).containsExactly(AuditAction.SUBSCRIPTION_REQUESTED, AuditAction.SUBSCRIPTION_DECLINED);
    }

    @Test
    void aFormerSubscriberCanSubscribeAgain() {
        subscribe();
        chat.say("STOP");
        chat.say("ISCRIVIMI");
        chat.tap("consent:accept");
        assertThat(chat.subscriber().isActive()).isTrue();
        assertThat(chat.subscribers.subscribers).hasSize(1);
        assertThat(chat.subscribers.records).extracting(ConsentRecord::action).containsExactly(
                ConsentRecord.Action.GRANTED, ConsentRecord.Action.WITHDRAWN, ConsentRecord.Action.GRANTED);
    }

    @Test
    void anActiveSubscriberIsToldOrAskedToRenewWhenTheNoticeChanged() {
        subscribe();
        chat.say("ISCRIVIMI");
        assertThat(chat.lastBody()).isEqualTo(text("subscribe.already", CITY));

        chat.tap("consent:renew");
        assertThat(chat.subscribers.records).extracting(ConsentRecord::action)
                .containsExactly(ConsentRecord.Action.GRANTED, ConsentRecord.Action.RENEWED);
        assertThat(chat.lastBody()).isEqualTo(text("renew.done", CITY));
    }

    @Test
    void renewWithoutAnActiveSubscriptionRecordsNothing() {
        chat.tap("consent:renew");
        assertThat(chat.lastBody()).isEqualTo(text("subscribe.noPending", CITY));
        assertThat(chat.subscribers.records).isEmpty();
    }

    @Test
    void anExpiredWebConfirmationChangesNothing() {
        chat.tap("webconfirm:no-such-token");
        assertThat(chat.lastBody()).isEqualTo(text("web.expired"));
        assertThat(chat.subscribers.subscribers).isEmpty();
    }

    @Test
    void messagesThatAreNoSubscriptionMatterAreLeftToTheAssistant() {
        assertThat(chat.say("Quando passa la raccolta del vetro?")).isFalse();
        assertThat(chat.tap("faq:12")).isFalse();
        assertThat(chat.sent).isEmpty();
    }

    @Test
    void helpListsTheCommands() {
        assertThat(chat.say("aiuto")).isTrue();
        assertThat(chat.lastBody()).isEqualTo(text("help.text", CITY));
    }

    private void subscribe() {
        chat.say("ISCRIVIMI");
        chat.tap("consent:accept");
    }
}
