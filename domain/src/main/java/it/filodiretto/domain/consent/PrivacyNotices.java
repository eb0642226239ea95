package it.filodiretto.domain.consent;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
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

    public List<PrivacyNotice> all() {
        return em.createQuery("select n from PrivacyNotice n order by n.version desc", PrivacyNotice.class).getResultList();
    }
}
