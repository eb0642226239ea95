package it.filodiretto.web.campaign;

import it.filodiretto.domain.campaign.Campaign;
import it.filodiretto.domain.campaign.Campaigns;
import it.filodiretto.domain.campaign.QuietHours;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.DefaultScheduleEvent;
import org.primefaces.model.LazyScheduleModel;
import org.primefaces.model.ScheduleModel;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** The calendar of campaigns: scheduled ones at their time, sent ones when they started (Europe/Rome). */
@Named
@ViewScoped
public class CalendarBean implements Serializable {

    @Inject
    transient Campaigns campaigns;

    private final ScheduleModel model = new LazyScheduleModel() {
        @Override
        public void loadEvents(LocalDateTime start, LocalDateTime end) {
            String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
            for (Campaign c : campaigns.between(start.atZone(QuietHours.ROME).toOffsetDateTime(),
                    end.atZone(QuietHours.ROME).toOffsetDateTime())) {
                OffsetDateTime at = c.startedAt() != null ? c.startedAt() : c.scheduledAt();
                LocalDateTime local = at.atZoneSameInstant(QuietHours.ROME).toLocalDateTime();
                addEvent(DefaultScheduleEvent.builder()
                        .id(c.id().toString())
                        .title(c.title() + " [" + c.state() + "]")
                        .startDate(local)
                        .endDate(local.plusMinutes(30))
                        .url(context + "/console/campaigns/view.xhtml?id=" + c.id())
                        .styleClass(
                                c.isEmergency() ? "fd-event-emergency" : "fd-event-" + c.state().name().toLowerCase(java.util.Locale.ROOT))
                        .editable(false)
                        .build());
            }
        }
    };

    public ScheduleModel getModel() {
        return model;
    }
}
