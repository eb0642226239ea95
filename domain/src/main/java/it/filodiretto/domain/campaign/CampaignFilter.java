package it.filodiretto.domain.campaign;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * Filters of the campaign list: state, author, topic, creation date range; {@code notBy} leaves out what a
 * user wrote (the reviewer's "waiting for my review").
 */
public record CampaignFilter(CampaignState state, String author, String topic, LocalDate from, LocalDate to, String notBy,
        Priority priority) {

    String where(Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder();
        ZoneId rome = QuietHours.ROME;
        if (state != null) {
            and(where, "c.state = :state");
            parameters.put("state", state);
        }
        if (author != null && !author.isBlank()) {
            and(where, "c.author = :author");
            parameters.put("author", author.strip());
        }
        if (notBy != null) {
            and(where, "c.author <> :notBy and c.lastEditor <> :notBy");
            parameters.put("notBy", notBy);
        }
        if (topic != null && !topic.isBlank()) {
            and(where, "concat(',', c.topicsColumn, ',') like :topic");
            parameters.put("topic", "%," + topic + ",%");
        }
        if (priority != null) {
            and(where, "c.priority = :priority");
            parameters.put("priority", priority);
        }
        if (from != null) {
            and(where, "c.createdAt >= :from");
            parameters.put("from", from.atStartOfDay(rome).toOffsetDateTime());
        }
        if (to != null) {
            and(where, "c.createdAt < :to");
            parameters.put("to", to.plusDays(1).atStartOfDay(rome).toOffsetDateTime());
        }
        return where.toString();
    }

    private static void and(StringBuilder where, String clause) {
        where.append(where.length() == 0 ? " where " : " and ").append(clause);
    }
}
