package it.filodiretto.domain.consent;

import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.whatsapp.OutboundMessage;
import org.junit.jupiter.api.Test;

import java.time.format.DateTimeFormatter;

import static it.filodiretto.domain.consent.ChatFixture.CITY;
import static it.filodiretto.domain.consent.ChatFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The data subject's requests in the chat, without a container. */
class ChatPrivacyTest {

    private final ChatFixture chat = new ChatFixture();

    @Test
    void aStrangerGetsTheNoticeWithoutButtonsAndNoRequestIsRecorded() {
        chat.say("privacy");
        assertThat(chat.lastSent()).isInstanceOf(OutboundMessage.Text.class);
        assertThat(chat.lastBody()).isEqualTo(text("privacy.text", chat.notice.summary(), chat.notice.version(), chat.notice.url()));

        chat.say("I MIEI DATI");
        assertThat(chat.lastBody()).isEqualTo(text("request.unknown", CITY));
        chat.tap("privacy:erase!");
        assertThat(chat.lastBody()).isEqualTo(text("request.unknown", CITY));
        assertThat(chat.requests).isEmpty();
    }

    @Test
    void aSubscriberGetsReceiptDataAndErasureButtonsAndTheReceipt() {
        subscribe();
        chat.say("PRIVACY");
        assertThat(chat.lastChoices()).containsExactly("privacy:receipt", "privacy:access", "privacy:erase");

        chat.tap("privacy:receipt");
        assertThat(chat.lastBody()).contains("receipt-" + chat.subscribers.records.get(0).id());
    }

    @Test
    void afterStopThereIsNoReceiptToOffer() {
        subscribe();
        chat.say("STOP");
        chat.say("PRIVACY");
        assertThat(chat.lastChoices()).containsExactly("privacy:access", "privacy:erase");
        chat.tap("privacy:receipt");
        assertThat(chat.lastBody()).isEqualTo(text("receipt.none"));
    }

    @Test
    void anAccessRequestIsRecordedWithItsDeadline() {
        subscribe();
        chat.say("i miei dati");

        SubjectRequest request = chat.requests.get(0);
        assertThat(request.kind()).isEqualTo(SubjectRequest.Kind.ACCESS);
        assertThat(chat.lastBody()).isEqualTo(text("request.access", request.id(), CITY,
                DateTimeFormatter.ofPattern("dd/MM/yyyy").format(request.dueOn())));
        assertThat(chat.subscriber().isActive()).isTrue();
    }

    @Test
    void erasureAsksForConfirmationThenWithdrawsAtOnce() {
        subscribe();
        chat.audited.clear();
        chat.tap("privacy:erase");
        assertThat(chat.lastBody()).isEqualTo(text("request.eraseConfirm"));
        assertThat(chat.lastChoices()).containsExactly("privacy:erase!");
        assertThat(chat.subscriber().isActive()).isTrue();

        chat.tap("privacy:erase!");
        assertThat(chat.subscriber().state()).isEqualTo(Subscriber.State.UNSUBSCRIBED);
        assertThat(chat.subscribers.records).extracting(ConsentRecord::action)
                .containsExactly(ConsentRecord.Action.GRANTED, ConsentRecord.Action.WITHDRAWN);
        assertThat(chat.audited).containsExactly(AuditAction.CONSENT_WITHDRAWN);
        assertThat(chat.requests).singleElement().satisfies(r -> assertThat(r.kind()).isEqualTo(SubjectRequest.Kind.ERASURE));
        assertThat(chat.lastBody()).startsWith("🗑");
    }

    private void subscribe() {
        chat.say("ISCRIVIMI");
        chat.tap("consent:accept");
    }
}
