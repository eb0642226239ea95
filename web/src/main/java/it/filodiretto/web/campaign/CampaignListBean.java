package it.filodiretto.web.campaign;

import it.filodiretto.domain.campaign.Campaign;
import it.filodiretto.domain.campaign.CampaignFilter;
import it.filodiretto.domain.campaign.CampaignState;
import it.filodiretto.domain.campaign.Campaigns;
import it.filodiretto.domain.campaign.Priority;
import it.filodiretto.domain.consent.Topics;
import it.filodiretto.web.console.FacesFeedback;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The campaign list: filters by state, author, topic and date, and the quick views "my drafts", "waiting for my review", "emergencies to review". */
@Named
@ViewScoped
public class CampaignListBean implements Serializable {

    public enum View { ALL, MY_DRAFTS, TO_REVIEW, EMERGENCIES }

    @Inject
    transient Campaigns campaigns;

    @Inject
    transient Topics topics;

    @Inject
    transient FacesFeedback feedback;

    private View view = View.ALL;
    private CampaignState state;
    private String author;
    private String topic;
    private LocalDate from;
    private LocalDate to;

    private final LazyDataModel<Campaign> model = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            try {
                return view == View.EMERGENCIES ? campaigns.postHocQueue().size() : (int) campaigns.count(filter());
            } catch (RuntimeException e) {
                feedback.failure(e);
                return 0;
            }
        }

        @Override
        public List<Campaign> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            try {
                if (view == View.EMERGENCIES) {
                    List<Campaign> queue = campaigns.postHocQueue();
                    return queue.subList(Math.min(first, queue.size()), Math.min(first + pageSize, queue.size()));
                }
                return campaigns.list(filter(), first, pageSize);
            } catch (RuntimeException e) {
                return List.of();
            }
        }

        @Override
        public String getRowKey(Campaign c) {
            return c.id().toString();
        }

        @Override
        public Campaign getRowData(String rowKey) {
            return campaigns.find(Long.parseLong(rowKey));
        }
    };

    private CampaignFilter filter() {
        String me = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        return switch (view) {
            case MY_DRAFTS -> new CampaignFilter(state, me, topic, from, to, null, null);
            case TO_REVIEW -> new CampaignFilter(CampaignState.IN_REVIEW, author, topic, from, to, me, null);
            case EMERGENCIES -> new CampaignFilter(null, null, null, null, null, null, Priority.EMERGENCY);
            case ALL -> new CampaignFilter(state, author, topic, from, to, null, null);
        };
    }

    public String topicLabels(Campaign c) {
        return topics.labels(c.topics(), FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage());
    }

    public String topicLabel(String code) {
        return topics.label(code, FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage());
    }

    public List<String> getTopicCodes() {
        return topics.codes();
    }

    public CampaignState[] getStates() {
        return CampaignState.values();
    }

    public View[] getViews() {
        return View.values();
    }

    /** Severity of a state's tag. */
    public String severity(CampaignState s) {
        return switch (s) {
            case SENT -> "success";
            case SENDING, SCHEDULED, APPROVED -> "info";
            case IN_REVIEW, CHANGES_REQUESTED, PAUSED -> "warning";
            case REJECTED, STOPPED, CANCELLED -> "danger";
            default -> "secondary";
        };
    }

    public LazyDataModel<Campaign> getModel() {
        return model;
    }

    public View getView() {
        return view;
    }

    public void setView(View view) {
        this.view = view == null ? View.ALL : view;
    }

    public CampaignState getState() {
        return state;
    }

    public void setState(CampaignState state) {
        this.state = state;
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = author;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
