package it.filodiretto.domain.campaign;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.staff.Caller;
import it.filodiretto.domain.staff.Role;

/** Who may cancel a campaign before it is sent: its author (as an EDITOR) or any REVIEWER. */
public final class CancellationPolicy {

    private CancellationPolicy() {
    }

    public static boolean allows(Caller caller, Campaign campaign) {
        return caller.has(Role.REVIEWER) || caller.has(Role.EDITOR) && caller.username().equals(campaign.author());
    }

    /** 403 {@code not_allowed} unless {@link #allows}. */
    public static void check(Caller caller, Campaign campaign) {
        if (!allows(caller, campaign)) {
            throw new DomainException(DomainError.CAMPAIGN_NOT_ALLOWED);
        }
    }
}
