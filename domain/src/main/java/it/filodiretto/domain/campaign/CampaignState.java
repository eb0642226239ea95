package it.filodiretto.domain.campaign;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a campaign. Allowed moves:
 * {@code DRAFT → IN_REVIEW → APPROVED → SCHEDULED → SENDING → SENT}, {@code IN_REVIEW → CHANGES_REQUESTED → IN_REVIEW},
 * {@code IN_REVIEW → REJECTED}, {@code CANCELLED} from any state before {@code SENDING}, {@code SENDING ⇄ PAUSED},
 * {@code SENDING/PAUSED → STOPPED} (the rest is not sent), {@code SENT → SENDING} to retry transient failures.
 * An emergency alert goes {@code DRAFT → SENDING} at once (the fast lane, {@link Campaign#start}).
 */
public enum CampaignState {
    DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, REJECTED, SCHEDULED, SENDING, PAUSED, SENT, STOPPED, CANCELLED;

    private static final Map<CampaignState, Set<CampaignState>> NEXT = Map.ofEntries(
            Map.entry(DRAFT, EnumSet.of(IN_REVIEW, CANCELLED)),
            Map.entry(IN_REVIEW, EnumSet.of(APPROVED, CHANGES_REQUESTED, REJECTED, CANCELLED)),
            Map.entry(CHANGES_REQUESTED, EnumSet.of(IN_REVIEW, CANCELLED)),
            Map.entry(APPROVED, EnumSet.of(SCHEDULED, CANCELLED)),
            Map.entry(SCHEDULED, EnumSet.of(SENDING, CANCELLED)),
            Map.entry(SENDING, EnumSet.of(PAUSED, STOPPED, SENT)),
            Map.entry(PAUSED, EnumSet.of(SENDING, STOPPED)),
            Map.entry(REJECTED, EnumSet.noneOf(CampaignState.class)),
            Map.entry(SENT, EnumSet.of(SENDING)), // only to retry transient failures
            Map.entry(STOPPED, EnumSet.noneOf(CampaignState.class)),
            Map.entry(CANCELLED, EnumSet.noneOf(CampaignState.class)));

    public boolean canMoveTo(CampaignState next) {
        return NEXT.get(this).contains(next);
    }

    /** Content can change only here. */
    public boolean isEditable() {
        return this == DRAFT || this == CHANGES_REQUESTED;
    }

    /** Deliveries are being sent or wait to be (paused). */
    public boolean isDispatching() {
        return this == SENDING || this == PAUSED;
    }

    public boolean isFinal() {
        return this == SENT || NEXT.get(this).isEmpty();
    }
}
