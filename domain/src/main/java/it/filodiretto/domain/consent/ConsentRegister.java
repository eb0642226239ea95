package it.filodiretto.domain.consent;

import it.filodiretto.domain.common.CodeListConverter;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.common.PhoneNumber;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * The privacy officer's view of subscriptions: the register (filtered, paged), each subscriber's consent
 * history, and consent receipts in the Kantara Consent Receipt v1.1 format.
 */
@Stateless
public class ConsentRegister {

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    SubscriberRepository subscribers;

    @Inject
    PrivacyNotices notices;

    @Inject
    Topics topics;

    @Inject
    AuditTrail audit;

    @Inject
    it.filodiretto.domain.common.TimeSource time;

    @Inject
    @ConfigProperty(name = "filodiretto.city.name", defaultValue = "Comune")
    String cityName;

    @Inject
    @ConfigProperty(name = "filodiretto.consent.controller-contact")
    java.util.Optional<String> controllerContact;

    public List<Subscriber> page(RegisterFilter filter, int first, int size) {
        Map<String, Object> parameters = new HashMap<>();
        TypedQuery<Subscriber> query = em.createQuery("select s from Subscriber s" + where(filter, parameters) + " order by s.id desc",
                Subscriber.class);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(first).setMaxResults(size).getResultList();
    }

    public long count(RegisterFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        TypedQuery<Long> query = em.createQuery("select count(s) from Subscriber s" + where(filter, parameters), Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    public Subscriber subscriber(long id) {
        return subscribers.byId(id).orElseThrow(() -> new DomainException(DomainError.SUBSCRIBER_UNKNOWN, id));
    }

    public List<ConsentRecord> history(long subscriberId) {
        return subscribers.history(subscriberId);
    }

    /** Subscriptions (grants) and withdrawals per week. */
    public record WeekCount(java.time.LocalDate weekStart, long subscriptions, long withdrawals) {
    }

    /** The last {@code weeks} calendar weeks (Monday to Sunday, Europe/Rome), oldest first, the current one included. */
    public List<WeekCount> weekly(int weeks) {
        java.time.ZoneId rome = it.filodiretto.domain.common.CityTime.ZONE;
        java.time.LocalDate monday = time.now().atZoneSameInstant(rome).toLocalDate()
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        List<WeekCount> result = new java.util.ArrayList<>();
        for (int i = Math.max(1, Math.min(weeks, 104)) - 1; i >= 0; i--) {
            java.time.LocalDate start = monday.minusWeeks(i);
            java.time.OffsetDateTime from = start.atStartOfDay(rome).toOffsetDateTime();
            java.time.OffsetDateTime to = start.plusWeeks(1).atStartOfDay(rome).toOffsetDateTime();
            Map<ConsentRecord.Action, Long> counts = new java.util.EnumMap<>(ConsentRecord.Action.class);
            for (Object[] row : em
                    .createQuery("select c.action, count(c) from ConsentRecord c where c.occurredAt >= :f and c.occurredAt < :t"
                            + " group by c.action", Object[].class)
                    .setParameter("f", from).setParameter("t", to).getResultList()) {
                counts.put((ConsentRecord.Action) row[0], (Long) row[1]);
            }
            result.add(new WeekCount(start, counts.getOrDefault(ConsentRecord.Action.GRANTED, 0L),
                    counts.getOrDefault(ConsentRecord.Action.WITHDRAWN, 0L)));
        }
        return result;
    }

    /** The receipt of one consent record (Kantara Consent Receipt Specification v1.1). Audited. */
    public JsonObject receipt(long recordId, String actor) {
        return receipt(recordId, Actor.staff(actor));
    }

    /** The receipt as asked for by someone (the officer, or the citizen in the chat). */
    public JsonObject receipt(long recordId, Actor actor) {
        ConsentRecord record = em.find(ConsentRecord.class, recordId);
        if (record == null) {
            throw new DomainException(DomainError.CONSENT_UNKNOWN_RECORD, recordId);
        }
        PrivacyNotice notice = em.find(PrivacyNotice.class, record.noticeVersion());
        JsonArrayBuilder purposes = JSON.createArrayBuilder();
        for (String code : record.topics()) {
            if (!code.isBlank()) {
                purposes.add(JSON.createObjectBuilder()
                        .add("purpose", topics.label(code, "it"))
                        .add("purposeCategory", JSON.createArrayBuilder().add(ChatTexts.text("it", "receipt.purposeCategory", code)))
                        .add("consentType", "EXPLICIT")
                        .add("piiCategory", JSON.createArrayBuilder().add(ChatTexts.text("it", "receipt.piiPhone"))
                                .add(ChatTexts.text("it", "receipt.piiWhatsApp")))
                        .add("primaryPurpose", true)
                        .add("termination", ChatTexts.text("it", "receipt.termination"))
                        .add("thirdPartyDisclosure", true)
                        .add("thirdPartyName", ChatTexts.text("it", "receipt.thirdParty")));
            }
        }
        JsonObject receipt = JSON.createObjectBuilder()
                .add("version", "KI-CR-v1.1.0")
                .add("jurisdiction", "IT")
                .add("consentTimestamp", record.occurredAt().toEpochSecond())
                .add("collectionMethod", record.channel().name())
                .add("consentReceiptID",
                        UUID.nameUUIDFromBytes(("filodiretto-consent-record:" + record.id()).getBytes(StandardCharsets.UTF_8)).toString())
                .add("language", "it")
                .add("piiPrincipalId", "citizen:" + record.subscriberId())
                .add("piiControllers", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                        .add("piiController", cityName)
                        .add("onBehalf", false)
                        .add("contact", controllerContact.orElse(""))
                        .add("address", JSON.createObjectBuilder().add("country", "IT"))
                        .add("email", controllerContact.orElse(""))
                        .add("phone", "")))
                .add("policyUrl", notice == null ? "" : notice.url())
                .add("services", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                        .add("service", ChatTexts.text("it", "receipt.service"))
                        .add("purposes", purposes)))
                .add("sensitive", false)
                .add("spiCat", JSON.createArrayBuilder())
                .add("extensions", JSON.createObjectBuilder()
                        .add("action", record.action().name())
                        .add("noticeVersion", record.noticeVersion())
                        .add("noticeSha256", record.noticeHash())
                        .add("evidence", record.toJson().getJsonObject("evidence")))
                .build();
        audit.record(actor, AuditAction.CONSENT_RECEIPT_EXPORTED, "consent_record", record.id().toString(),
                Map.of("subscriber", record.subscriberId()));
        return receipt;
    }

    private static String where(RegisterFilter f, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder();
        if (f.state() != null) {
            clause(where, "s.state = :state");
            parameters.put("state", f.state());
        }
        listContains(where, parameters, "COLUMN('topics', s)", "t", f.topic());
        listContains(where, parameters, "COLUMN('neighbourhoods', s)", "n", f.neighbourhood());
        if (f.channel() != null || f.noticeVersion() != null || f.from() != null || f.to() != null) {
            StringBuilder sub = new StringBuilder("exists (select c.id from ConsentRecord c where c.subscriberId = s.id");
            if (f.channel() != null) {
                sub.append(" and c.channel = :channel");
                parameters.put("channel", f.channel());
            }
            if (f.noticeVersion() != null) {
                sub.append(" and c.noticeVersion = :noticeVersion");
                parameters.put("noticeVersion", f.noticeVersion());
            }
            if (f.from() != null) {
                sub.append(" and c.occurredAt >= :from");
                parameters.put("from", f.from());
            }
            if (f.to() != null) {
                sub.append(" and c.occurredAt < :to");
                parameters.put("to", f.to());
            }
            clause(where, sub.append(")").toString());
        }
        if (f.number() != null && !f.number().isBlank()) {
            clause(where, "s.phone = :phone");
            parameters.put("phone", PhoneNumber.parse(f.number()).e164());
        }
        return where.toString();
    }

    /**
     * {@code column}, a list of codes stored comma-separated ({@link CodeListConverter}), contains {@code value} (no
     * filter when blank). The patterns are matched against the stored text, EclipseLink's {@code COLUMN}, not the
     * converted attribute (a list, which a LIKE pattern is not).
     */
    private static void listContains(StringBuilder where, Map<String, Object> parameters, String column, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        clause(where, "(" + column + " = :" + name + " or " + column + " like :" + name + "Start or " + column + " like :" + name
                + "Mid or " + column + " like :" + name + "End)");
        String v = value.strip();
        parameters.put(name, v);
        parameters.put(name + "Start", v + ",%");
        parameters.put(name + "Mid", "%," + v + ",%");
        parameters.put(name + "End", "%," + v);
    }

    private static void clause(StringBuilder where, String clause) {
        where.append(where.length() == 0 ? " where " : " and ").append(clause);
    }
}
