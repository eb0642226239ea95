package it.filodiretto.web.assistant;

import it.filodiretto.domain.assistant.Exchange;
import it.filodiretto.domain.assistant.Handoff;
import it.filodiretto.domain.assistant.Handoffs;
import it.filodiretto.domain.common.PhoneMask;
import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.web.console.FacesFeedback;
import it.filodiretto.web.i18n.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * The operator inbox: open handoffs (refreshed every few seconds), the selected conversation with its
 * history and what is left of WhatsApp's 24-hour window, replies, taking over and closing. Handoffs nobody
 * has answered for longer than {@code filodiretto.assistant.handoff-alert-minutes} are highlighted.
 */
@Named
@ViewScoped
public class InboxBean implements Serializable {

    @Inject
    transient Handoffs handoffs;

    @Inject
    transient TimeSource time;

    @Inject
    transient FacesFeedback feedback;

    private transient List<Handoff> open;
    private Long selectedId;
    private transient Handoff selected;
    private transient List<Exchange> history;
    private String reply;
    private int alertMinutes;

    @PostConstruct
    void init() {
        alertMinutes = ConfigProvider.getConfig().getOptionalValue("filodiretto.assistant.handoff-alert-minutes", Integer.class).orElse(15);
        refresh();
    }

    /** The poll: the list and the open conversation. */
    public void refresh() {
        try {
            open = handoffs.inbox();
            if (selectedId != null) {
                selected = handoffs.handoff(selectedId);
                history = handoffs.history(selected.address(), 100);
            }
        } catch (RuntimeException e) {
            feedback.failure(e);
        }
    }

    public void select(Handoff handoff) {
        selectedId = handoff.id();
        reply = null;
        refresh();
    }

    public void claim() {
        act(() -> handoffs.claim(selectedId, user()), "inbox.claimed");
    }

    public void send() {
        act(() -> handoffs.reply(selectedId, user(), reply), "inbox.sent");
        if (!FacesContext.getCurrentInstance().isValidationFailed()) {
            reply = null;
        }
    }

    public void close() {
        act(() -> handoffs.close(selectedId, user()), "inbox.closed");
    }

    private void act(Runnable action, String done) {
        if (selectedId == null) {
            feedback.error("inbox.noneSelected");
            return;
        }
        try {
            action.run();
            feedback.info(done);
        } catch (RuntimeException e) {
            feedback.failure(e);
        }
        refresh();
    }

    public boolean late(Handoff h) {
        return h.firstReplyAt() == null && h.openedAt().plusMinutes(alertMinutes).isBefore(time.now());
    }

    public long getLateCount() {
        return open == null ? 0 : open.stream().filter(this::late).count();
    }

    public String waiting(Handoff h) {
        return duration(Duration.between(h.openedAt(), time.now()));
    }

    public String windowLeft() {
        return selected == null ? "" : duration(selected.windowLeft(time.now()));
    }

    public boolean isWindowOpen() {
        return selected != null && selected.isWindowOpen(time.now());
    }

    public String masked(Handoff h) {
        return h.address().startsWith("+") ? PhoneMask.mask(h.address()) : h.address();
    }

    private static String duration(Duration d) {
        long minutes = d.toMinutes();
        java.util.Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return minutes < 60 ? Texts.text(locale, "inbox.minutes", minutes)
                : Texts.text(locale, "inbox.hoursMinutes", minutes / 60, minutes % 60);
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public List<Handoff> getOpen() {
        return open;
    }

    public Handoff getSelected() {
        return selected;
    }

    public List<Exchange> getHistory() {
        return history;
    }

    public String getReply() {
        return reply;
    }

    public void setReply(String reply) {
        this.reply = reply;
    }

    public int getAlertMinutes() {
        return alertMinutes;
    }
}
