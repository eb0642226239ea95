package it.filodiretto.domain.consent;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.whatsapp.InboundMessage;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * What a consent change given in the chat leaves behind: exactly one consent record and one audit event, in the
 * transaction that handles the citizen's message.
 */
@Dependent
public class ConsentEvidence {

    /** Key of the salted hash of the citizen's message id in consent evidence and audit details. */
    static final String MESSAGE_REF = "inboundMessageSha256Salted";

    @Inject
    SubscriberRepository subscribers;

    @Inject
    PrivacyNotices notices;

    @Inject
    AuditTrail audit;

    @Inject
    Pseudonyms pseudonyms;

    /** Records a consent change ({@code action}, for {@code chosen} topics) the citizen made with {@code message}. */
    void recordChatConsent(Subscriber subscriber, ConsentRecord.Action action, Set<String> chosen, InboundMessage message,
            AuditAction auditAction, OffsetDateTime now) {
        PrivacyNotice notice = notices.inForce();
        String reference = messageRef(message);
        String evidenceJson = JSON.createObjectBuilder().add(MESSAGE_REF, reference)
                .add("type", message.type()).build().toString();
        subscribers.record(
                new ConsentRecord(subscriber.id(), action, now, notice, chosen, ConsentRecord.Channel.WHATSAPP_KEYWORD, evidenceJson));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("channel", ConsentRecord.Channel.WHATSAPP_KEYWORD);
        details.put("noticeVersion", notice.version());
        details.put("topics", new ArrayList<>(new TreeSet<>(chosen)));
        details.put(MESSAGE_REF, reference);
        audit.record(Actor.citizen(subscriber.id()), auditAction, "subscriber", subscriber.id().toString(), details);
    }

    /** Audits a step that is no consent change (a request, a refusal) with the reference of the citizen's message. */
    void recordStep(Subscriber subscriber, AuditAction action, InboundMessage message, Map<String, Object> details) {
        Map<String, Object> withReference = new LinkedHashMap<>(details);
        withReference.put(MESSAGE_REF, messageRef(message));
        audit.record(Actor.citizen(subscriber.id()), action, "subscriber", subscriber.id().toString(), withReference);
    }

    /**
     * What the evidence keeps of the citizen's message: Meta's message id carries the sender's number (base64
     * inside the wamid), and consent evidence and audit events outlive an erasure, so only its salted hash is kept;
     * the city can still match it against a wamid from Meta's records.
     */
    String messageRef(InboundMessage message) {
        return pseudonyms.hash(message.messageId());
    }
}
