package it.filodiretto.domain.campaign;

import it.filodiretto.domain.common.Refusals;

import it.filodiretto.domain.common.DomainException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuietHoursTest {

    private static OffsetDateTime rome(int day, int hour, int minute) {
        // December: Rome is UTC+1
        return OffsetDateTime.of(2026, 12, day, hour, minute, 0, 0, ZoneOffset.ofHours(1));
    }

    @Test
    void aRangeAcrossMidnight() {
        QuietHours q = QuietHours.parse("22:00-07:00").orElseThrow();
        assertThat(q.contains(rome(1, 21, 59))).isFalse();
        assertThat(q.contains(rome(1, 22, 0))).isTrue();
        assertThat(q.contains(rome(2, 3, 0))).isTrue();
        assertThat(q.contains(rome(2, 7, 0))).isFalse();
        assertThat(q.nextAllowed(rome(1, 23, 10)).toInstant()).isEqualTo(rome(2, 7, 0).toInstant());
        assertThat(q.nextAllowed(rome(2, 6, 59)).toInstant()).isEqualTo(rome(2, 7, 0).toInstant());
        assertThat(q.nextAllowed(rome(2, 12, 0))).isEqualTo(rome(2, 12, 0));
    }

    @Test
    void aRangeWithinTheDayAndNone() {
        QuietHours lunch = QuietHours.parse("13:00-14:30").orElseThrow();
        assertThat(lunch.contains(rome(1, 13, 30))).isTrue();
        assertThat(lunch.contains(rome(1, 14, 30))).isFalse();
        assertThat(QuietHours.parse("")).isEmpty();
        assertThat(QuietHours.parse("00:00-00:00")).as("equal ends: none").isEmpty();
    }

    @Test
    void normalCampaignsWaitForQuietHoursAndEmergenciesDoNot() {
        QuietHours q = QuietHours.parse("22:00-07:00").orElseThrow();
        assertThat(q.allows(rome(1, 23, 0), Priority.NORMAL)).isFalse();
        assertThat(q.allows(rome(1, 23, 0), Priority.EMERGENCY)).isTrue();
        assertThat(q.allows(rome(1, 12, 0), Priority.NORMAL)).isTrue();
        q.check(rome(1, 23, 0), Priority.EMERGENCY);
        assertThatThrownBy(() -> q.check(rome(1, 23, 0), Priority.NORMAL)).isInstanceOf(DomainException.class)
                .satisfies(Refusals.kind(DomainException.Kind.INVALID)).satisfies(Refusals.code("quiet_hours"))
                .satisfies(Refusals.messageKey("error.campaign.quietHours"));
    }

    @Test
    void quietHoursThatDoNotLookLikeARangeAreAConfigurationError() {
        assertThatThrownBy(() -> QuietHours.parse("22:00")).isInstanceOf(IllegalArgumentException.class);
    }
}
