package it.filodiretto.domain.campaign;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.staff.Caller;
import it.filodiretto.domain.staff.Role;

/**
 * Who controls a campaign's sending (pause, resume, stop, retry the transient failures): a REVIEWER, and
 * for an emergency alert also the EMERGENCY role that sent it.
 */
public final class SendingControlPolicy {

    private SendingControlPolicy() {
    }

    public static boolean allows(Caller caller, Campaign campaign) {
        return caller.has(Role.REVIEWER) || campaign.isEmergency() && caller.has(Role.EMERGENCY);
    }

    /** 403 {@code not_allowed} unless {@link #allows}. */
    public static void check(Caller caller, Campaign campaign) {
        if (!allows(caller, campaign)) {
            throw new DomainException(DomainError.CAMPAIGN_NOT_ALLOWED);
        }
    }
}
