package it.filodiretto.web.consent;

import it.filodiretto.domain.consent.PrivacyNotice;
import it.filodiretto.domain.consent.PrivacyNotices;
import it.filodiretto.domain.consent.Topics;
import it.filodiretto.web.console.FacesFeedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The privacy officer's page of privacy-notice versions: read them, publish a new one (immutable). */
@Named
@ViewScoped
public class NoticesBean implements Serializable {

    @Inject
    transient PrivacyNotices notices;

    @Inject
    transient Topics topics;

    @Inject
    transient FacesFeedback feedback;

    private List<PrivacyNotice> versions;
    private String text;
    private String summary;
    private String url;
    private List<String> purposes = new ArrayList<>();

    @PostConstruct
    void load() {
        versions = notices.all();
        if (!versions.isEmpty()) {
            PrivacyNotice current = versions.get(0);
            text = current.text();
            summary = current.summary();
            url = current.url();
            purposes = new ArrayList<>(current.purposes());
        }
    }

    public void publish() {
        try {
            PrivacyNotices.Published published = notices.publish(text, summary, url, purposes,
                    FacesContext.getCurrentInstance().getExternalContext().getRemoteUser());
            feedback.info("notice.published", published.notice().version(), published.subscribersToReconfirm());
            load();
        } catch (RuntimeException e) {
            feedback.failure(e);
        }
    }

    public List<String> getTopicCodes() {
        return topics.codes();
    }

    public String topicLabel(String code) {
        return topics.label(code, "it");
    }

    public List<PrivacyNotice> getVersions() {
        return versions;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<String> getPurposes() {
        return purposes;
    }

    public void setPurposes(List<String> purposes) {
        this.purposes = purposes;
    }
}
