package it.filodiretto.domain.consent;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.whatsapp.OutboundMessage;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The data subject's rights in the chat: the privacy notice (PRIVACY), the receipt of the consent given, a
 * request for one's data (I MIEI DATI) and erasure (CANCELLA I MIEI DATI, confirmed by a second tap). Requests
 * are recorded with their one-month deadline by {@link SubjectRequests}; erasure also withdraws at once. Runs in
 * the transaction of {@link ChatSubscriptions#handle}, with the subscriber's row locked.
 */
@Dependent
public class ChatPrivacy {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final ZoneId ROME = it.filodiretto.domain.common.CityTime.ZONE;

    @Inject
    SubscriberRepository subscribers;

    @Inject
    PrivacyNotices notices;

    @Inject
    Topics topics;

    @Inject
    SubjectRequests requests;

    @Inject
    ConsentRegister register;

    @Inject
    ConsentEvidence evidence;

    @Inject
    ChatSender sender;

    @Inject
    @ConfigProperty(name = "filodiretto.city.name", defaultValue = "Comune")
    String cityName;

    /** The notice; a known citizen also gets buttons for the consent receipt, their data and erasure. */
    void sendNotice(ChatTurn turn) {
        PrivacyNotice notice = notices.inForce();
        String body = ChatTexts.text("it", "privacy.text", notice.summary(), notice.version(), notice.url());
        if (turn.isStranger()) {
            sender.send(new OutboundMessage.Text(turn.to(), body));
            return;
        }
        List<OutboundMessage.Choice> buttons = new ArrayList<>();
        if (lastGrant(turn.known().get()).isPresent()) {
            buttons.add(button(ChatChoice.Privacy.RECEIPT, "privacy.receiptButton"));
        }
        buttons.add(button(ChatChoice.Privacy.ACCESS, "privacy.accessButton"));
        buttons.add(button(ChatChoice.Privacy.ERASE, "privacy.eraseButton"));
        sender.send(new OutboundMessage.Buttons(turn.to(), null, body, null, buttons));
    }

    /** A tap on a button under the notice (or on the erasure confirmation): for known citizens only. */
    void answer(ChatTurn turn, ChatChoice.Privacy choice) {
        if (turn.isStranger()) {
            sender.sendText(turn.to(), "request.unknown", cityName);
            return;
        }
        switch (choice) {
            case RECEIPT -> sendReceipt(turn.known().get(), turn.to());
            case ACCESS -> request(turn, SubjectRequest.Kind.ACCESS);
            case ERASE -> sender.send(new OutboundMessage.Buttons(turn.to(), null, ChatTexts.text("it", "request.eraseConfirm"), null,
                    List.of(button(ChatChoice.Privacy.ERASE_CONFIRMED, "request.eraseYes"))));
            case ERASE_CONFIRMED -> request(turn, SubjectRequest.Kind.ERASURE);
        }
    }

    /** "I MIEI DATI" / "CANCELLA I MIEI DATI": recorded with the one-month deadline; erasure also withdraws at once. */
    void request(ChatTurn turn, SubjectRequest.Kind kind) {
        if (turn.isStranger()) {
            sender.sendText(turn.to(), "request.unknown", cityName);
            return;
        }
        Subscriber subscriber = turn.known().get();
        if (kind == SubjectRequest.Kind.ERASURE && subscriber.isActive()) {
            subscriber.withdraw(turn.now());
            evidence.recordChatConsent(subscriber, ConsentRecord.Action.WITHDRAWN, subscriber.topics(), turn.message(),
                    AuditAction.CONSENT_WITHDRAWN, turn.now());
        }
        SubjectRequest request = requests.fromChat(subscriber, kind, evidence.messageRef(turn.message()));
        sender.sendText(turn.to(), kind == SubjectRequest.Kind.ACCESS ? "request.access" : "request.erasure",
                request.id(), cityName, DAY.format(request.dueOn()));
    }

    /** The receipt of the latest grant, renewal or change, in words. */
    private void sendReceipt(Subscriber subscriber, String to) {
        Optional<ConsentRecord> grant = lastGrant(subscriber);
        if (grant.isEmpty()) {
            sender.sendText(to, "receipt.none");
            return;
        }
        JsonObject receipt = register.receipt(grant.get().id(), Actor.citizen(subscriber.id()));
        sender.sendText(to, "receipt.chat", cityName,
                DAY.format(grant.get().occurredAt().atZoneSameInstant(ROME)),
                receipt.getString("collectionMethod"),
                grant.get().noticeVersion(), grant.get().noticeHash(),
                topics.labels(grant.get().topics(), "it"),
                receipt.getString("consentReceiptID"), receipt.getString("policyUrl"));
    }

    /** The consent record a receipt is about: the latest grant, renewal or change (none after a withdrawal). */
    private Optional<ConsentRecord> lastGrant(Subscriber subscriber) {
        List<ConsentRecord> history = subscribers.history(subscriber.id());
        return history.isEmpty() ? Optional.empty()
                : Optional.of(history.get(history.size() - 1)).filter(r -> r.action() != ConsentRecord.Action.WITHDRAWN);
    }

    private static OutboundMessage.Choice button(ChatChoice.Privacy choice, String titleKey) {
        return new OutboundMessage.Choice(choice.id(), ChatTexts.text("it", titleKey), null);
    }
}
