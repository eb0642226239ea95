package it.filodiretto.domain.campaign;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static it.filodiretto.domain.campaign.CampaignState.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The state table alone; the steps that use it are {@link CampaignWorkflowTest}'s. */
class CampaignStateTest {

    /** The whole table, written out once more: every pair not listed here must be refused. */
    private static final Map<CampaignState, Set<CampaignState>> ALLOWED = Map.ofEntries(
            Map.entry(DRAFT, EnumSet.of(IN_REVIEW, CANCELLED)),
            Map.entry(IN_REVIEW, EnumSet.of(APPROVED, CHANGES_REQUESTED, REJECTED, CANCELLED)),
            Map.entry(CHANGES_REQUESTED, EnumSet.of(IN_REVIEW, CANCELLED)),
            Map.entry(APPROVED, EnumSet.of(SCHEDULED, CANCELLED)),
            Map.entry(SCHEDULED, EnumSet.of(SENDING, CANCELLED)),
            Map.entry(SENDING, EnumSet.of(PAUSED, STOPPED, SENT)),
            Map.entry(PAUSED, EnumSet.of(SENDING, STOPPED)),
            Map.entry(SENT, EnumSet.of(SENDING)),
            Map.entry(REJECTED, EnumSet.noneOf(CampaignState.class)),
            Map.entry(STOPPED, EnumSet.noneOf(CampaignState.class)),
            Map.entry(CANCELLED, EnumSet.noneOf(CampaignState.class)));

    @ParameterizedTest
    @EnumSource(CampaignState.class)
    void everyAllowedAndEveryForbiddenTransition(CampaignState from) {
        for (CampaignState to : CampaignState.values()) {
            assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(ALLOWED.get(from).contains(to));
        }
    }

    @Test
    void cancellingIsPossibleOnlyBeforeSending() {
        for (CampaignState s : CampaignState.values()) {
            boolean beforeSending = EnumSet.of(DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, SCHEDULED).contains(s);
            assertThat(s.canMoveTo(CANCELLED)).as(s.name()).isEqualTo(beforeSending);
        }
    }

    @Test
    void onlyDraftsAndChangeRequestsAreEditable() {
        assertThat(EnumSet.allOf(CampaignState.class).stream().filter(CampaignState::isEditable)).containsExactlyInAnyOrder(DRAFT,
                CHANGES_REQUESTED);
    }
}
