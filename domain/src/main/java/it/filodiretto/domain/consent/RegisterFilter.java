package it.filodiretto.domain.consent;

import java.time.OffsetDateTime;

/**
 * The privacy officer's filter of the consent register; null or blank fields do not filter. Channel,
 * notice version and the date range look at the subscriber's consent records (any record matching).
 */
public record RegisterFilter(Subscriber.State state, String topic, String number, String neighbourhood,
        ConsentRecord.Channel channel, Integer noticeVersion, OffsetDateTime from, OffsetDateTime to) {
}
