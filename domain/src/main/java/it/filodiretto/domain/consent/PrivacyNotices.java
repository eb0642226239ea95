package it.filodiretto.domain.consent;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.common.TimeSource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.OffsetDateTime;

/** The privacy notice's published versions; the newest is the one citizens consent to. */
@Stateless
public class PrivacyNotices {

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    TimeSource time;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "filodiretto.city.name", defaultValue = "Comune")
    String cityName;

    @Inject
    @ConfigProperty(name = "filodiretto.self-url", defaultValue = "http://localhost:8080")
    String selfUrl;

    @Inject
    jakarta.enterprise.event.Event<PurposesChanged> purposesChangedEvent;

    @Inject
    @ConfigProperty(name = "filodiretto.consent.reconsent-days", defaultValue = "30")
    int reconsentDays;

    public Optional<PrivacyNotice> current() {
        return em.createQuery("select n from PrivacyNotice n order by n.version desc", PrivacyNotice.class)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** The notice in force, publishing the built-in first version when none exists yet. */
    public PrivacyNotice inForce() {
        return current().orElseGet(this::publishInitial);
    }

    private PrivacyNotice publishInitial() {
        String text;
        try (InputStream in = PrivacyNotices.class.getResourceAsStream("/it/filodiretto/domain/consent/initial-notice.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{city}", cityName);
        } catch (IOException e) {
            throw new IllegalStateException("built-in privacy notice missing", e);
        }
        PrivacyNotice notice = new PrivacyNotice(1, text, ChatTexts.text("it", "notice.summary", cityName),
                selfUrl + "/privacy.xhtml", Topics.DEFAULT, time.now());
        em.persist(notice);
        audit.record(Actor.SYSTEM, AuditAction.PRIVACY_NOTICE_PUBLISHED, "privacy_notice", "1", Map.of("hash", notice.textHash()));
        return notice;
    }

    /**
     * Publishes a new version (immutable from now on). When its purposes differ from the version in force,
     * every active subscriber must re-confirm by the deadline; until then broadcasts still reach them, after
     * it they stop (the dispatch engine checks {@link Subscriber#mayReceiveBroadcastsAt}).
     *
     * @return the new version and how many subscribers must re-confirm
     */
    public Published publish(String text, String summary, String url, List<String> purposes, String actor) {
        if (text == null || text.isBlank() || text.length() > 100_000) {
            throw new DomainException(DomainError.NOTICE_TEXT);
        }
        if (summary == null || summary.isBlank() || summary.length() > 1000) {
            throw new DomainException(DomainError.NOTICE_SUMMARY);
        }
        if (url == null || !url.matches("https?://\\S{3,490}")) {
            throw new DomainException(DomainError.NOTICE_URL);
        }
        if (purposes == null || purposes.isEmpty()) {
            throw new DomainException(DomainError.NOTICE_PURPOSES);
        }
        PrivacyNotice previous = inForce();
        OffsetDateTime now = time.now();
        PrivacyNotice notice = new PrivacyNotice(previous.version() + 1, text.strip(), summary.strip(), url.strip(), purposes, now);
        em.persist(notice);
        boolean purposesChanged = !new java.util.TreeSet<>(purposes).equals(new java.util.TreeSet<>(previous.purposes()));
        int reconsent = 0;
        if (purposesChanged) {
            reconsent = em.createQuery("update Subscriber s set s.reconsentDueBy = :due where s.state = :active")
                    .setParameter("due", now.plusDays(reconsentDays)).setParameter("active", Subscriber.State.ACTIVE).executeUpdate();
        }
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("hash", notice.textHash());
        details.put("purposesChanged", purposesChanged);
        details.put("subscribersToReconfirm", reconsent);
        audit.record(Actor.staff(actor), AuditAction.PRIVACY_NOTICE_PUBLISHED, "privacy_notice", Integer.toString(notice.version()),
                details);
        if (reconsent > 0) {
            purposesChangedEvent.fire(new PurposesChanged(notice.version(), notice.url(), now.plusDays(reconsentDays), reconsent));
        }
        return new Published(notice, reconsent);
    }

    /** A publication's outcome. */
    public record Published(PrivacyNotice notice, int subscribersToReconfirm) {
    }

    public List<PrivacyNotice> all() {
        return em.createQuery("select n from PrivacyNotice n order by n.version desc", PrivacyNotice.class).getResultList();
    }
}
