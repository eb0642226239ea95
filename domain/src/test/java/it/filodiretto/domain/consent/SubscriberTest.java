package it.filodiretto.domain.consent;

import it.filodiretto.domain.common.DomainException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriberTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    private static Subscriber pending() {
        return new Subscriber("+393401234567", "393401234567", null, NOW);
    }

    @Test
    void onlyAPendingRequestCanBeActivatedAndOnlyWithTopics() {
        Subscriber s = pending();
        assertThatThrownBy(() -> s.activate(Set.of(), NOW)).isInstanceOf(DomainException.class).hasMessageContaining("no_topic");
        s.activate(Set.of("weather", "emergencies"), NOW);
        assertThat(s.isActive()).isTrue();
        assertThat(s.topics()).containsExactly("emergencies", "weather");
        assertThatThrownBy(() -> s.activate(Set.of("weather"), NOW)).hasMessageContaining("no_pending_request");
    }

    @Test
    void broadcastsStopAfterAWithdrawalAndAfterAMissedReconsentDeadline() {
        Subscriber s = pending();
        assertThat(s.mayReceiveBroadcastsAt(NOW)).as("pending").isFalse();
        s.activate(Set.of("weather"), NOW);
        assertThat(s.mayReceiveBroadcastsAt(NOW)).isTrue();

        s.withdraw(NOW);
        assertThat(s.mayReceiveBroadcastsAt(NOW)).isFalse();
        assertThatThrownBy(() -> s.renew(NOW)).hasMessageContaining("not_active");
    }

    @Test
    void erasureKeepsNothingThatIdentifiesThePerson() {
        Subscriber s = pending();
        s.activate(Set.of("weather"), NOW);
        s.changeNeighbourhoods(Set.of("centro"), NOW);
        s.erase(NOW);

        assertThat(s.state()).isEqualTo(Subscriber.State.ERASED);
        assertThat(s.phone()).isNull();
        assertThat(s.waId()).isNull();
        assertThat(s.userId()).isNull();
        assertThat(s.topics()).isEmpty();
        assertThat(s.neighbourhoods()).isEmpty();
        assertThatThrownBy(() -> s.requestSubscription(NOW)).hasMessageContaining("invalid_state");
    }

    @Test
    void aSubscriberNeedsSomeIdentity() {
        assertThatThrownBy(() -> new Subscriber(null, null, null, NOW)).hasMessageContaining("no_identity");
    }
}
