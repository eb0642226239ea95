package it.filodiretto.web.consent;

import it.filodiretto.domain.consent.PrivacyNotice;
import it.filodiretto.domain.consent.PrivacyNotices;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The public page with the privacy notice in force (the link sent to citizens). */
@Named
@RequestScoped
public class PrivacyPageBean {

    @Inject
    PrivacyNotices notices;

    private PrivacyNotice notice;

    public PrivacyNotice getNotice() {
        if (notice == null) {
            notice = notices.current().orElse(null);
        }
        return notice;
    }
}
