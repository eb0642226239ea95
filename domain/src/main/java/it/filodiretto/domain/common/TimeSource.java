package it.filodiretto.domain.common;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The one place time comes from, so that tests and rules agree: UTC, millisecond precision. */
@ApplicationScoped
public class TimeSource {

    private final Clock clock = Clock.systemUTC();

    /** Now in UTC, truncated to milliseconds (what every supported database stores exactly). */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
