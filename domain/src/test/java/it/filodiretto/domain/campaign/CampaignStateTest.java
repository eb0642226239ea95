package it.filodiretto.domain.campaign;

import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.staff.Caller;
import it.filodiretto.domain.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static it.filodiretto.domain.campaign.CampaignState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignStateTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC);

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
    void contentIsEditableOnlyInDraftAndAfterAChangeRequest() {
        assertThat(EnumSet.allOf(CampaignState.class).stream().filter(CampaignState::isEditable)).containsExactlyInAnyOrder(DRAFT, CHANGES_REQUESTED);
        Campaign campaign = new Campaign(content("first"), Priority.NORMAL, "anna", NOW);
        campaign.move(IN_REVIEW, NOW);
        assertThatThrownBy(() -> campaign.edit(content("second"), "anna", NOW)).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("code", "not_editable");
        campaign.move(CHANGES_REQUESTED, NOW);
        campaign.edit(content("second"), "bruno", NOW);
        assertThat(campaign.content().bodyParameters()).containsExactly("second");
        assertThat(campaign.lastEditor()).isEqualTo("bruno");
    }

    @Test
    void aForbiddenMoveIsAConflict() {
        Campaign campaign = new Campaign(content("x"), Priority.NORMAL, "anna", NOW);
        assertThatThrownBy(() -> campaign.move(SENDING, NOW)).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("kind", DomainException.Kind.CONFLICT)
                .hasFieldOrPropertyWithValue("code", "transition_not_allowed");
        assertThat(campaign.state()).isEqualTo(DRAFT);
    }

    @Test
    void approvalFreezesTheContentByItsHash() {
        Campaign campaign = new Campaign(content("testo"), Priority.NORMAL, "anna", NOW);
        campaign.move(IN_REVIEW, NOW);
        campaign.approve("carla", NOW);
        assertThat(campaign.contentHash()).isEqualTo(content("testo").hash()).hasSize(64);
        assertThat(campaign.isIntact()).isTrue();
        assertThat(content("testo").hash()).isNotEqualTo(content("testo!").hash());
    }

    @Test
    void nobodyApprovesTheirOwnCampaign() {
        Campaign campaign = new Campaign(content("x"), Priority.NORMAL, "anna", NOW);
        Caller author = new Caller("anna", Set.of(Role.EDITOR, Role.REVIEWER));
        Caller other = new Caller("carla", Set.of(Role.REVIEWER));
        assertThatThrownBy(() -> Campaigns.fourEyes(campaign, author)).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("kind", DomainException.Kind.FORBIDDEN).hasFieldOrPropertyWithValue("code", "four_eyes");
        Campaigns.fourEyes(campaign, other);
        campaign.move(IN_REVIEW, NOW);
        campaign.move(CHANGES_REQUESTED, NOW);
        campaign.edit(content("y"), "carla", NOW);
        assertThatThrownBy(() -> Campaigns.fourEyes(campaign, other)).as("the last editor is an author too")
                .hasFieldOrPropertyWithValue("code", "four_eyes");
    }

    @Test
    void onlyAnEmergencyGoesFromDraftStraightToSending() {
        Campaign alert = new Campaign(content("x"), Priority.EMERGENCY, "dario", NOW);
        alert.start(12, NOW);
        assertThat(alert.state()).isEqualTo(SENDING);
        assertThat(alert.contentHash()).as("frozen when it goes").isNotNull();
        Campaign normal = new Campaign(content("x"), Priority.NORMAL, "anna", NOW);
        assertThatThrownBy(() -> normal.start(12, NOW)).hasFieldOrPropertyWithValue("code", "transition_not_allowed");
    }

    private static CampaignContent content(String body) {
        return new CampaignContent("Titolo", Set.of("deadlines"), Set.of(), "scadenza", "it", List.of(), List.of(body), null, null);
    }
}
