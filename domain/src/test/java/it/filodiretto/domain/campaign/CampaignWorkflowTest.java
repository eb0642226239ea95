package it.filodiretto.domain.campaign;

import it.filodiretto.domain.common.Refusals;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.staff.Caller;
import it.filodiretto.domain.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static it.filodiretto.domain.campaign.CampaignState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The campaign's steps, each as the aggregate takes it: who may, from which state, with what. */
class CampaignWorkflowTest {

    /** 10:00 UTC, 11:00 in Rome: outside the quiet hours below. */
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC);
    private static final Optional<QuietHours> NIGHT = QuietHours.parse("22:00-07:00");
    private static final Optional<QuietHours> NONE = Optional.empty();

    private static final Caller ANNA = new Caller("anna", Set.of(Role.EDITOR));
    private static final Caller BRUNO = new Caller("bruno", Set.of(Role.EDITOR));
    private static final Caller CARLA = new Caller("carla", Set.of(Role.REVIEWER));
    private static final Caller DARIO = new Caller("dario", Set.of(Role.EMERGENCY));
    private static final ReviewComment WHY = new ReviewComment("why");

    // --- every step from every state

    /** The steps a person takes, by the state they lead to (resume leads back to SENDING). */
    private enum Step {
        SUBMIT(IN_REVIEW, c -> c.submit(content -> 1, NONE, NOW)),
        APPROVE(APPROVED, c -> c.approve(CARLA, NOW)),
        REQUEST_CHANGES(CHANGES_REQUESTED, c -> c.requestChanges(CARLA, WHY, NOW)),
        REJECT(REJECTED, c -> c.reject(CARLA, WHY, NOW)),
        SCHEDULE(SCHEDULED, c -> c.schedule(CARLA, NOW.plusHours(1), NONE, NOW)),
        CANCEL(CANCELLED, c -> c.cancel(CARLA, NOW)),
        PAUSE(PAUSED, c -> c.pause(CARLA, NOW)),
        RESUME(SENDING, c -> c.resume(CARLA, NOW)),
        STOP(STOPPED, c -> c.stop(CARLA, NOW));

        final CampaignState to;
        final Consumer<Campaign> take;

        Step(CampaignState to, Consumer<Campaign> take) {
            this.to = to;
            this.take = take;
        }
    }

    @ParameterizedTest
    @EnumSource(CampaignState.class)
    void eachStepIsTakenExactlyFromTheStatesTheTableAllows(CampaignState from) {
        for (Step step : Step.values()) {
            Campaign campaign = campaignIn(from);
            boolean allowed = step == Step.RESUME ? from == PAUSED : from.canMoveTo(step.to);
            if (allowed) {
                step.take.accept(campaign);
                assertThat(campaign.state()).as(step + " from " + from).isEqualTo(step.to);
            } else {
                assertThatThrownBy(() -> step.take.accept(campaign)).as(step + " from " + from).isInstanceOf(DomainException.class)
                        .satisfies(Refusals.kind(DomainException.Kind.CONFLICT))
                        .satisfies(Refusals.code("transition_not_allowed"));
                assertThat(campaign.state()).as("a refused step changes nothing").isEqualTo(from);
            }
        }
    }

    @Test
    void aRefusedTransitionNamesBothStates() {
        Campaign campaign = draft();
        assertThatThrownBy(() -> campaign.approve(CARLA, NOW)).isInstanceOf(DomainException.class)
                .satisfies(Refusals.messageKey("error.campaign.transition"))
                .satisfies(e -> assertThat(((DomainException) e).arguments()).containsExactly(DRAFT, APPROVED));
    }

    // --- editing

    @Test
    void contentChangesOnlyInDraftAndAfterAChangeRequest() {
        Campaign campaign = draft();
        submit(campaign);
        assertThatThrownBy(() -> campaign.edit(content("second"), "anna", NOW)).satisfies(Refusals.code("not_editable"));
        campaign.requestChanges(CARLA, WHY, NOW);
        campaign.edit(content("second"), "bruno", NOW);
        assertThat(campaign.content().bodyParameters()).containsExactly("second");
        assertThat(campaign.lastEditor()).isEqualTo("bruno");
    }

    // --- submission

    @Test
    void submittingRunsTheOutsideChecksAfterTheStateCheckAndBeforeMoving() {
        Campaign campaign = draft();
        DomainException template = new DomainException(DomainError.TEMPLATE_UNKNOWN);
        assertThatThrownBy(() -> campaign.submit(content -> { throw template; }, NONE, NOW)).isSameAs(template);
        assertThat(campaign.state()).isEqualTo(DRAFT);
        assertThat(campaign.state()).isEqualTo(DRAFT);
        Integer found = campaign.submit(content -> content.bodyParameters().size(), NONE, NOW);
        assertThat(found).as("what the checks found").isEqualTo(1);
        boolean[] checked = {false};
        assertThatThrownBy(() -> campaign.submit(content -> checked[0] = true, NONE, NOW))
                .satisfies(Refusals.code("transition_not_allowed"));
        assertThat(checked[0]).as("no outside check for a step the table refuses").isFalse();
    }

    @Test
    void submittingAWishedTimeInQuietHoursIsRefused() {
        OffsetDateTime night = OffsetDateTime.of(2026, 12, 1, 23, 0, 0, 0, ZoneOffset.ofHours(1));
        Campaign campaign = new Campaign(content("x", night), Priority.NORMAL, "anna", NOW);
        assertThatThrownBy(() -> campaign.submit(content -> 1, NIGHT, NOW)).satisfies(Refusals.code("quiet_hours"));
        campaign.submit(content -> 1, NONE, NOW);
        assertThat(campaign.state()).isEqualTo(IN_REVIEW);
    }

    @Test
    void submittingAWishedTimeThatHasPassedIsRefused() {
        Campaign campaign = new Campaign(content("x", NOW.plusMinutes(5)), Priority.NORMAL, "anna", NOW);
        assertThatThrownBy(() -> campaign.submit(content -> 1, NONE, NOW.plusMinutes(5))).satisfies(Refusals.code("schedule_in_past"));
    }

    // --- four eyes

    @Test
    void approvingOwnCampaignIsRefused() {
        Caller authorWhoReviews = new Caller("anna", Set.of(Role.EDITOR, Role.REVIEWER));
        Campaign campaign = inReview();
        assertThatThrownBy(() -> campaign.approve(authorWhoReviews, NOW)).isInstanceOf(DomainException.class)
                .satisfies(Refusals.kind(DomainException.Kind.FORBIDDEN)).satisfies(Refusals.code("four_eyes"));
        assertThat(campaign.state()).isEqualTo(IN_REVIEW);
    }

    @Test
    void theLastEditorCannotApproveEither() {
        Caller brunoReviews = new Caller("bruno", Set.of(Role.EDITOR, Role.REVIEWER));
        Campaign campaign = inReview();
        campaign.requestChanges(CARLA, WHY, NOW);
        campaign.edit(content("fixed"), "bruno", NOW);
        submit(campaign);
        assertThatThrownBy(() -> campaign.approve(brunoReviews, NOW)).satisfies(Refusals.code("four_eyes"));
        campaign.approve(CARLA, NOW);
        assertThat(campaign.approvedBy()).isEqualTo("carla");
    }

    @Test
    void requestingChangesRejectingAndSchedulingOwnCampaignAreRefused() {
        Caller author = new Caller("anna", Set.of(Role.REVIEWER));
        Campaign campaign = inReview();
        assertThatThrownBy(() -> campaign.requestChanges(author, WHY, NOW)).satisfies(Refusals.code("four_eyes"));
        assertThatThrownBy(() -> campaign.reject(author, WHY, NOW)).satisfies(Refusals.code("four_eyes"));
        campaign.approve(CARLA, NOW);
        assertThatThrownBy(() -> campaign.schedule(author, null, NONE, NOW)).satisfies(Refusals.code("four_eyes"));
    }

    @Test
    void fourEyesComeBeforeTheStateTable() {
        Campaign campaign = draft();
        assertThatThrownBy(() -> campaign.approve(new Caller("anna", Set.of(Role.REVIEWER)), NOW)).satisfies(Refusals.code("four_eyes"));
    }

    @Test
    void theFourEyesPolicyAsksWhoWroteAndWhoEditedLast() {
        Campaign campaign = draft();
        assertThat(FourEyesPolicy.allows(ANNA, campaign)).isFalse();
        assertThat(FourEyesPolicy.allows(CARLA, campaign)).isTrue();
        submit(campaign);
        campaign.requestChanges(CARLA, WHY, NOW);
        campaign.edit(content("y"), "carla", NOW);
        assertThat(FourEyesPolicy.allows(CARLA, campaign)).as("the last editor is an author too").isFalse();
    }

    // --- review comments

    @Test
    void requestingChangesOrRejectingWithoutACommentIsRefused() {
        Campaign campaign = inReview();
        assertThatThrownBy(() -> campaign.requestChanges(CARLA, null, NOW)).satisfies(Refusals.code("comment_required"));
        assertThatThrownBy(() -> campaign.reject(CARLA, null, NOW)).satisfies(Refusals.code("comment_required"));
        assertThat(campaign.state()).isEqualTo(IN_REVIEW);
    }

    @Test
    void aCommentIsStrippedAndNeitherBlankNorTooLong() {
        assertThat(ReviewComment.of("  ok  ").text()).isEqualTo("ok");
        assertThat(ReviewComment.of("   ")).as("optional: nothing written").isNull();
        assertThatThrownBy(() -> ReviewComment.required(" ")).satisfies(Refusals.code("comment_required"));
        assertThatThrownBy(() -> ReviewComment.of("x".repeat(2001))).satisfies(Refusals.code("comment_too_long"));
        assertThat(ReviewComment.of("x".repeat(2000)).text()).hasSize(2000);
    }

    // --- approval and scheduling

    @Test
    void approvalFreezesTheContentByItsHash() {
        Campaign campaign = inReview();
        campaign.approve(CARLA, NOW);
        assertThat(campaign.contentHash()).isEqualTo(content("testo").hash()).hasSize(64);
        assertThat(campaign.isIntact()).isTrue();
        assertThat(content("testo").hash()).isNotEqualTo(content("testo!").hash());
    }

    @Test
    void schedulingWithoutATimeStartsNowAndWithATimeKeepsIt() {
        Campaign now = approved();
        now.schedule(CARLA, null, NIGHT, NOW);
        assertThat(now.scheduledAt()).isEqualTo(NOW);
        Campaign later = approved();
        later.schedule(CARLA, NOW.plusHours(2), NIGHT, NOW);
        assertThat(later.scheduledAt()).isEqualTo(NOW.plusHours(2));
        assertThat(later.state()).isEqualTo(SCHEDULED);
    }

    @Test
    void schedulingInThePastIsRefused() {
        Campaign campaign = approved();
        assertThatThrownBy(() -> campaign.schedule(CARLA, NOW.minusMinutes(1), NONE, NOW)).isInstanceOf(DomainException.class)
                .satisfies(Refusals.kind(DomainException.Kind.INVALID)).satisfies(Refusals.code("schedule_in_past"));
        assertThatThrownBy(() -> campaign.schedule(CARLA, NOW, NONE, NOW)).satisfies(Refusals.code("schedule_in_past"));
        assertThat(campaign.state()).isEqualTo(APPROVED);
    }

    @Test
    void schedulingANormalCampaignInQuietHoursIsRefused() {
        OffsetDateTime lateEvening = OffsetDateTime.of(2026, 12, 1, 22, 30, 0, 0, ZoneOffset.ofHours(1));
        Campaign campaign = approved();
        assertThatThrownBy(() -> campaign.schedule(CARLA, lateEvening, NIGHT, NOW)).satisfies(Refusals.code("quiet_hours"))
                .satisfies(e -> assertThat(((DomainException) e).arguments()).containsExactly("22:00-07:00"));
        assertThatThrownBy(() -> campaign.schedule(CARLA, null, NIGHT, lateEvening)).as("sending now, at night")
                .satisfies(Refusals.code("quiet_hours"));
        campaign.schedule(CARLA, lateEvening, NONE, NOW);
        assertThat(campaign.state()).as("no quiet hours configured").isEqualTo(SCHEDULED);
    }

    @Test
    void aScheduledCampaignDueInQuietHoursIsPostponedToTheirEnd() {
        Campaign campaign = approved();
        campaign.schedule(CARLA, NOW.plusHours(1), NONE, NOW);
        assertThat(campaign.postpone(NOW.plusHours(20))).isTrue();
        assertThat(campaign.scheduledAt()).isEqualTo(NOW.plusHours(20));
        campaign.cancel(CARLA, NOW);
        assertThat(campaign.postpone(NOW.plusHours(30))).as("only while scheduled").isFalse();
        assertThat(campaign.scheduledAt()).isEqualTo(NOW.plusHours(20));
    }

    @Test
    void systemBroadcastsAreScheduledWithoutEditorialReview() {
        Campaign broadcast = new Campaign(content("rinnovo"), Priority.NORMAL, "system", NOW);
        broadcast.scheduleAsSystem(NOW, NOW);
        assertThat(broadcast.state()).isEqualTo(SCHEDULED);
        assertThat(broadcast.approvedBy()).isEqualTo("system");
        assertThat(broadcast.contentHash()).isEqualTo(content("rinnovo").hash());
        assertThat(broadcast.isReadyToStart()).isTrue();
    }

    // --- cancelling

    @Test
    void theAuthorOrAReviewerCancelsAndNobodyElse() {
        Campaign byAuthor = draft();
        byAuthor.cancel(ANNA, NOW);
        assertThat(byAuthor.state()).isEqualTo(CANCELLED);
        Campaign byReviewer = approved();
        byReviewer.cancel(CARLA, NOW);
        assertThat(byReviewer.state()).isEqualTo(CANCELLED);
        Campaign byAnotherEditor = approved();
        assertThatThrownBy(() -> byAnotherEditor.cancel(BRUNO, NOW)).isInstanceOf(DomainException.class)
                .satisfies(Refusals.kind(DomainException.Kind.FORBIDDEN)).satisfies(Refusals.code("not_allowed"));
        assertThat(CancellationPolicy.allows(new Caller("anna", Set.of(Role.EMERGENCY)), draft())).as("the author as an editor only")
                .isFalse();
    }

    @Test
    void cancellingAfterSendingStartedIsRefused() {
        Campaign campaign = sending();
        assertThatThrownBy(() -> campaign.cancel(CARLA, NOW)).satisfies(Refusals.code("transition_not_allowed"));
    }

    // --- sending control

    @Test
    void aReviewerControlsSendingAndAnEditorDoesNot() {
        Campaign campaign = sending();
        assertThatThrownBy(() -> campaign.pause(ANNA, NOW)).isInstanceOf(DomainException.class)
                .satisfies(Refusals.kind(DomainException.Kind.FORBIDDEN)).satisfies(Refusals.code("not_allowed"));
        campaign.pause(CARLA, NOW);
        assertThatThrownBy(() -> campaign.resume(ANNA, NOW)).satisfies(Refusals.code("not_allowed"));
        campaign.resume(CARLA, NOW);
        assertThatThrownBy(() -> campaign.stop(ANNA, NOW)).satisfies(Refusals.code("not_allowed"));
        campaign.stop(CARLA, NOW);
        assertThat(campaign.state()).isEqualTo(STOPPED);
        assertThat(campaign.finishedAt()).isEqualTo(NOW);
    }

    @Test
    void theEmergencyRoleControlsOnlyEmergencyAlerts() {
        assertThat(SendingControlPolicy.allows(DARIO, emergencyAlert())).isTrue();
        assertThat(SendingControlPolicy.allows(DARIO, sending())).isFalse();
        assertThat(SendingControlPolicy.allows(CARLA, emergencyAlert())).isTrue();
        assertThat(SendingControlPolicy.allows(ANNA, emergencyAlert())).isFalse();
        Campaign alert = emergencyAlert();
        alert.pause(DARIO, NOW);
        assertThat(alert.state()).isEqualTo(PAUSED);
        Campaign normal = sending();
        assertThatThrownBy(() -> normal.pause(DARIO, NOW)).satisfies(Refusals.code("not_allowed"));
    }

    @Test
    void permissionComesBeforeTheStateTable() {
        Campaign sent = sending();
        sent.finish(SENT, NOW);
        assertThatThrownBy(() -> sent.pause(ANNA, NOW)).satisfies(Refusals.code("not_allowed"));
        assertThatThrownBy(() -> sent.pause(CARLA, NOW)).satisfies(Refusals.code("transition_not_allowed"));
    }

    @Test
    void transientFailuresAreRetriedWhileSendingPausedOrOnceSent() {
        Campaign sent = sending();
        sent.finish(SENT, NOW);
        sent.checkRetry(CARLA);
        sent.resendFailures(NOW);
        assertThat(sent.state()).as("a sent campaign sends again").isEqualTo(SENDING);
        Campaign paused = sending();
        paused.pause(CARLA, NOW);
        paused.checkRetry(CARLA);
        paused.resendFailures(NOW);
        assertThat(paused.state()).as("a paused one stays paused").isEqualTo(PAUSED);
        assertThatThrownBy(() -> sent.checkRetry(ANNA)).satisfies(Refusals.code("not_allowed"));
        Campaign stopped = sending();
        stopped.stop(CARLA, NOW);
        assertThatThrownBy(() -> stopped.checkRetry(CARLA)).satisfies(Refusals.code("transition_not_allowed"));
        assertThatThrownBy(() -> approved().checkRetry(CARLA)).satisfies(Refusals.code("transition_not_allowed"));
    }

    // --- the emergency lane

    @Test
    void onlyAnEmergencyGoesFromDraftStraightToSending() {
        Campaign alert = new Campaign(content("x"), Priority.EMERGENCY, "dario", NOW);
        assertThat(alert.isReadyToStart()).isTrue();
        alert.start(12, NOW);
        assertThat(alert.state()).isEqualTo(SENDING);
        assertThat(alert.audienceSize()).isEqualTo(12);
        assertThat(alert.contentHash()).as("frozen when it goes").isEqualTo(content("x").hash());
        Campaign normal = draft();
        assertThat(normal.isReadyToStart()).isFalse();
        assertThatThrownBy(() -> normal.start(12, NOW)).satisfies(Refusals.code("transition_not_allowed"));
    }

    @Test
    void anEmergencyAlertIsReviewedAfterwardsOnceAndNotByItsAuthor() {
        Campaign alert = emergencyAlert();
        assertThatThrownBy(() -> alert.reviewAfterwards(new Caller("dario", Set.of(Role.REVIEWER, Role.EMERGENCY)), NOW))
                .satisfies(Refusals.code("four_eyes"));
        alert.reviewAfterwards(CARLA, NOW);
        assertThat(alert.postHocReviewedBy()).isEqualTo("carla");
        assertThat(alert.postHocReviewedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> alert.reviewAfterwards(CARLA, NOW)).isInstanceOf(DomainException.class)
                .satisfies(Refusals.kind(DomainException.Kind.CONFLICT)).satisfies(Refusals.code("already_reviewed"));
        assertThatThrownBy(() -> sending().reviewAfterwards(CARLA, NOW)).satisfies(Refusals.code("not_emergency"));
    }

    // --- what the pages ask

    @Test
    void scheduledSendingAndPausedCampaignsAreLive() {
        Map<CampaignState, Boolean> live = new EnumMap<>(CampaignState.class);
        for (CampaignState state : CampaignState.values()) {
            live.put(state, campaignIn(state).isLive());
        }
        assertThat(live).containsEntry(SCHEDULED, true).containsEntry(SENDING, true).containsEntry(PAUSED, true)
                .containsEntry(DRAFT, false).containsEntry(APPROVED, false).containsEntry(SENT, false).containsEntry(STOPPED, false);
        assertThat(live.values().stream().filter(Boolean::booleanValue)).hasSize(3);
    }

    // --- fixtures: every state reached through the aggregate's own steps

    private static Campaign campaignIn(CampaignState state) {
        return switch (state) {
            case DRAFT -> draft();
            case IN_REVIEW -> inReview();
            case CHANGES_REQUESTED -> {
                Campaign c = inReview();
                c.requestChanges(CARLA, WHY, NOW);
                yield c;
            }
            case APPROVED -> approved();
            case REJECTED -> {
                Campaign c = inReview();
                c.reject(CARLA, WHY, NOW);
                yield c;
            }
            case SCHEDULED -> {
                Campaign c = approved();
                c.schedule(CARLA, NOW.plusHours(1), NONE, NOW);
                yield c;
            }
            case SENDING -> sending();
            case PAUSED -> {
                Campaign c = sending();
                c.pause(CARLA, NOW);
                yield c;
            }
            case SENT -> {
                Campaign c = sending();
                c.finish(SENT, NOW);
                yield c;
            }
            case STOPPED -> {
                Campaign c = sending();
                c.stop(CARLA, NOW);
                yield c;
            }
            case CANCELLED -> {
                Campaign c = draft();
                c.cancel(ANNA, NOW);
                yield c;
            }
        };
    }

    private static Campaign draft() {
        return new Campaign(content("testo"), Priority.NORMAL, "anna", NOW);
    }

    private static void submit(Campaign campaign) {
        campaign.submit(content -> 1, NONE, NOW);
    }

    private static Campaign inReview() {
        Campaign campaign = draft();
        submit(campaign);
        return campaign;
    }

    private static Campaign approved() {
        Campaign campaign = inReview();
        campaign.approve(CARLA, NOW);
        return campaign;
    }

    private static Campaign sending() {
        Campaign campaign = approved();
        campaign.schedule(CARLA, null, NONE, NOW);
        campaign.start(10, NOW);
        return campaign;
    }

    private static Campaign emergencyAlert() {
        Campaign alert = new Campaign(content("alert"), Priority.EMERGENCY, "dario", NOW);
        alert.start(5, NOW);
        return alert;
    }

    static CampaignContent content(String body) {
        return content(body, null);
    }

    private static CampaignContent content(String body, OffsetDateTime at) {
        return new CampaignContent("Titolo", Set.of("deadlines"), Set.of(), "scadenza", "it", List.of(), List.of(body), at, null);
    }
}
