package it.filodiretto.domain.consent;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.domain.whatsapp.PreferenceUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * WhatsApp's "stop marketing messages" (user_preferences webhook) is recorded on the subscriber and
 * honoured for MARKETING templates; it does not touch the consent to utility communications.
 */
@ApplicationScoped
public class MarketingPreferences {

    @Inject
    SubscriberRepository subscribers;

    @Inject
    AuditTrail audit;

    @Inject
    TimeSource time;

    void onPreference(@Observes PreferenceUpdate update) {
        if (update.category() == null || !update.category().toLowerCase(java.util.Locale.ROOT).contains("marketing")) {
            return;
        }
        subscribers.byWhatsApp(update.waId(), update.userId()).ifPresent(subscriber -> {
            if (subscriber.isMarketingOptOut() != update.optedOut()) {
                subscriber.marketingOptOut(update.optedOut(), time.now());
                audit.record(Actor.citizen(subscriber.id()), AuditAction.MARKETING_PREFERENCE_CHANGED, "subscriber",
                        subscriber.id().toString(), Map.of("optedOut", update.optedOut()));
            }
        });
    }
}
