package it.filodiretto.domain.common;

import java.time.ZoneId;

/**
 * The city's time zone: how its people read times and days (quiet hours, calendar weeks, date filters, dates shown).
 * What is stored stays in UTC ({@link TimeSource}).
 */
public final class CityTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private CityTime() {
    }
}
