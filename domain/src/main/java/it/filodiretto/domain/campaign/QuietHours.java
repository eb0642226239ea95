package it.filodiretto.domain.campaign;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.common.DomainException;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The quiet-hours policy: hours (Europe/Rome) in which normal campaigns neither get scheduled nor start, e.g.
 * {@code 22:00-07:00}; the range may cross midnight. Emergencies ignore them.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public static final ZoneId ROME = it.filodiretto.domain.common.CityTime.ZONE;

    /** Parses {@code HH:mm-HH:mm}; empty or equal ends means none. */
    public static Optional<QuietHours> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] parts = text.strip().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("quiet hours must look like 22:00-07:00: " + text);
        }
        LocalTime from = LocalTime.parse(parts[0].strip());
        LocalTime to = LocalTime.parse(parts[1].strip());
        return from.equals(to) ? Optional.empty() : Optional.of(new QuietHours(from, to));
    }

    public boolean contains(OffsetDateTime instant) {
        LocalTime t = instant.atZoneSameInstant(ROME).toLocalTime();
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }

    /** Whether a campaign of this priority may start at {@code instant}: emergencies always, normal ones outside quiet hours. */
    public boolean allows(OffsetDateTime instant, Priority priority) {
        return priority == Priority.EMERGENCY || !contains(instant);
    }

    /** 400 {@code quiet_hours} unless {@link #allows}. */
    public void check(OffsetDateTime instant, Priority priority) {
        if (!allows(instant, priority)) {
            throw new DomainException(DomainError.CAMPAIGN_QUIET_HOURS, toString());
        }
    }

    /** The first moment after {@code instant} outside quiet hours ({@code instant} itself when outside). */
    public OffsetDateTime nextAllowed(OffsetDateTime instant) {
        if (!contains(instant)) {
            return instant;
        }
        ZonedDateTime local = instant.atZoneSameInstant(ROME);
        ZonedDateTime end = local.toLocalDate().atTime(to).atZone(ROME);
        if (end.isBefore(local)) {
            end = end.plusDays(1);
        }
        return end.toOffsetDateTime();
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
