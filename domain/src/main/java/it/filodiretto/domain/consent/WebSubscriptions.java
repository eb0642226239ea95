package it.filodiretto.domain.consent;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.common.PhoneNumber;
import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.domain.whatsapp.MessageCategory;
import it.filodiretto.domain.whatsapp.OutboundMessage;
import it.filodiretto.domain.whatsapp.TemplateRegistry;
import it.filodiretto.domain.whatsapp.MessageTemplate;
import it.filodiretto.domain.whatsapp.WhatsAppGateway;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Subscription from the public web page (double opt-in): the request is stored with its web evidence and
 * a confirmation template with two buttons is sent to that number; only "Confermo" tapped from that phone,
 * before the request expires, activates the subscriber. Rate-limited per IP and per number; the answer never
 * tells whether a number is already subscribed.
 */
@Stateless
public class WebSubscriptions {

    static final String CONFIRM = "webconfirm:";
    static final String DENY = "webdeny:";
    static final String LEAVE = "webstop:";
    static final String STAY = "webkeep:";

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    PrivacyNotices notices;

    @Inject
    Topics topics;

    @Inject
    TemplateRegistry templates;

    @Inject
    WhatsAppGateway gateway;

    @Inject
    AuditTrail audit;

    @Inject
    TimeSource time;

    @Inject
    @ConfigProperty(name = "filodiretto.city.name", defaultValue = "Comune")
    String cityName;

    @Inject
    @ConfigProperty(name = "filodiretto.consent.web-confirmation-hours", defaultValue = "24")
    int confirmationHours;

    @Inject
    @ConfigProperty(name = "filodiretto.consent.web-max-per-number-per-day", defaultValue = "3")
    int maxPerNumberPerDay;

    @Inject
    @ConfigProperty(name = "filodiretto.consent.web-max-per-ip-per-hour", defaultValue = "10")
    int maxPerIpPerHour;

    @Inject
    @ConfigProperty(name = "filodiretto.consent.confirmation-template", defaultValue = "conferma_iscrizione")
    String confirmationTemplate;

    @Inject
    @ConfigProperty(name = "filodiretto.consent.unsubscribe-template", defaultValue = "conferma_cancellazione")
    String unsubscribeTemplate;

    @Inject
    SubscriberRepository subscribers;

    @Inject
    Neighbourhoods neighbourhoods;

    /** Stores the request and sends the confirmation; refuses bad input and rate-limit excess with a code. */
    public void request(String rawNumber, Set<String> chosenTopics, Set<String> chosenNeighbourhoods, String language,
            boolean consentTicked, String ipAddress, String userAgent) {
        if (!consentTicked) {
            throw new DomainException(DomainError.WEB_CONSENT_REQUIRED);
        }
        PhoneNumber number = PhoneNumber.parse(rawNumber);
        if (!number.isMobile()) {
            throw new DomainException(DomainError.WEB_NOT_MOBILE);
        }
        if (chosenTopics == null || chosenTopics.isEmpty() || !topics.all().containsAll(chosenTopics)) {
            throw new DomainException(DomainError.SUBSCRIBER_NO_TOPIC);
        }
        Set<String> places = chosenNeighbourhoods == null ? Set.of() : chosenNeighbourhoods;
        if (!neighbourhoods.codes().containsAll(places)) {
            throw new DomainException(DomainError.SUBSCRIBER_UNKNOWN_NEIGHBOURHOOD);
        }
        OffsetDateTime now = time.now();
        String phoneHash = pseudonyms.hash(number.e164());
        String ipHash = pseudonyms.hash("ip:" + (ipAddress == null ? "" : ipAddress));
        refuseAboveLimits(phoneHash, ipHash, now);
        PrivacyNotice notice = notices.inForce();
        String token = UUID.randomUUID().toString().replace("-", "");
        WebRequest request = new WebRequest(token, number.e164(), phoneHash, ipHash, userAgent, chosenTopics,
                "en".equals(language) ? "en" : "it", notice.version(), !number.isItalian(), now, now.plusHours(confirmationHours))
                .inNeighbourhoods(places);
        em.persist(request);
        MessageTemplate template = templates.checked(confirmationTemplate, "it", List.of(), List.of(cityName));
        gateway.send(new OutboundMessage.Template(number.e164(), template.name(), template.language(), List.of(), List.of(cityName),
                List.of(CONFIRM + token, DENY + token)), template.category());
        audit.record(Actor.ANONYMOUS, AuditAction.SUBSCRIPTION_REQUESTED, "web_request", request.id().toString(),
                Map.of("channel", ConsentRecord.Channel.WEB_DOUBLE_OPT_IN, "foreignNumber", request.isForeignNumber()));
    }

    /**
     * Asks an active subscriber, on WhatsApp, to confirm leaving (so nobody can unsubscribe somebody else from
     * the web). Nothing is sent to a number that is not subscribed; the caller's answer is the same anyway.
     */
    public void requestUnsubscription(String rawNumber, String ipAddress, String userAgent) {
        PhoneNumber number = PhoneNumber.parse(rawNumber);
        OffsetDateTime now = time.now();
        String phoneHash = pseudonyms.hash(number.e164());
        String ipHash = pseudonyms.hash("ip:" + (ipAddress == null ? "" : ipAddress));
        refuseAboveLimits(phoneHash, ipHash, now);
        String token = UUID.randomUUID().toString().replace("-", "");
        PrivacyNotice notice = notices.inForce();
        WebRequest request = new WebRequest(token, number.e164(), phoneHash, ipHash, userAgent, Set.of("-"), "it",
                notice.version(), !number.isItalian(), now, now.plusHours(confirmationHours)).toUnsubscribe();
        em.persist(request);
        boolean active = subscribers.byWhatsApp(number.waId(), null).filter(Subscriber::isActive).isPresent();
        if (active) {
            MessageTemplate template = templates.checked(unsubscribeTemplate, "it", List.of(), List.of(cityName));
            gateway.send(new OutboundMessage.Template(number.e164(), template.name(), template.language(), List.of(), List.of(cityName),
                    List.of(LEAVE + token, STAY + token)), template.category());
        }
        audit.record(Actor.ANONYMOUS, AuditAction.UNSUBSCRIPTION_REQUESTED, "web_request", request.id().toString(),
                Map.of("channel", ConsentRecord.Channel.WEB_DOUBLE_OPT_IN));
    }

    /** The open request behind a confirmation button, if the tapping phone is the requested one. */
    public WebRequest answer(String replyId, String fromE164) {
        String token = replyId.substring(replyId.indexOf(':') + 1);
        List<WebRequest> found = em.createQuery("select r from WebRequest r where r.token = :t", WebRequest.class)
                .setParameter("t", token).getResultList();
        if (found.isEmpty() || !found.get(0).phone().equals(fromE164)) {
            return null;
        }
        return found.get(0);
    }

    static boolean isWebAnswer(String replyId) {
        return replyId != null && (replyId.startsWith(CONFIRM) || replyId.startsWith(DENY)
                || replyId.startsWith(LEAVE) || replyId.startsWith(STAY));
    }

    /** "Confermo" of a subscription or "Cancellami" of an unsubscription. */
    static boolean isConfirmation(String replyId) {
        return replyId.startsWith(CONFIRM) || replyId.startsWith(LEAVE);
    }

    private void refuseAboveLimits(String phoneHash, String ipHash, OffsetDateTime now) {
        if (count("phoneHash", phoneHash, now.minusDays(1)) >= maxPerNumberPerDay
                || count("ipHash", ipHash, now.minusHours(1)) >= maxPerIpPerHour) {
            throw new DomainException(DomainError.WEB_RATE_LIMITED);
        }
    }

    private long count(String field, String hash, OffsetDateTime since) {
        return em.createQuery("select count(r) from WebRequest r where r." + field + " = :h and r.createdAt >= :t", Long.class)
                .setParameter("h", hash).setParameter("t", since).getSingleResult();
    }
}
