package it.filodiretto.domain.campaign;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.staff.Caller;

/**
 * Four eyes: whoever wrote a campaign or edited it last does not review it — neither before sending
 * (approve, request changes, reject, schedule) nor afterwards (an emergency alert's post-hoc review).
 */
public final class FourEyesPolicy {

    private FourEyesPolicy() {
    }

    public static boolean allows(Caller reviewer, Campaign campaign) {
        String name = reviewer.username();
        return !name.equals(campaign.author()) && !name.equals(campaign.lastEditor());
    }

    /** 403 {@code four_eyes} unless {@link #allows}. */
    public static void check(Caller reviewer, Campaign campaign) {
        if (!allows(reviewer, campaign)) {
            throw new DomainException(DomainError.CAMPAIGN_FOUR_EYES);
        }
    }
}
