package it.filodiretto.domain.consent;

import it.filodiretto.domain.common.CodeListConverter;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The column format of code lists stays what the schema, the audience SQL and the register filters read. */
class CodeListConverterTest {

    private final CodeListConverter converter = new CodeListConverter();

    @Test
    void codesAreJoinedWithCommasAndNoneIsTheEmptyString() {
        assertThat(converter.convertToDatabaseColumn(List.of("deadlines", "weather"))).isEqualTo("deadlines,weather");
        assertThat(converter.convertToDatabaseColumn(List.of())).isEmpty();
        assertThat(converter.convertToDatabaseColumn(null)).isEmpty();
    }

    @Test
    void theColumnReadsBackInItsOrderAndEmptyIsNone() {
        assertThat(converter.convertToEntityAttribute("weather,deadlines")).containsExactly("weather", "deadlines");
        assertThat(converter.convertToEntityAttribute("")).isEmpty();
        assertThat(converter.convertToEntityAttribute(null)).isEmpty();
    }

    @Test
    void configuredListsAreStrippedAndSkipEmptyItems() {
        assertThat(CodeListConverter.parse(" weather , ,deadlines,")).containsExactly("weather", "deadlines");
        assertThat(CodeListConverter.parse("  ")).isEmpty();
        assertThat(Keywords.configured(java.util.Map.of(Keywords.Command.STOP, "BASTA, FINE ,,")).match("fine"))
                .contains(Keywords.Command.STOP);
    }

    @Test
    void entitiesKeepTopicsSortedSoTheColumnIsTheSameWhateverTheOrderOfChoice() {
        OffsetDateTime now = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC);
        Subscriber subscriber = new Subscriber("+393401234567", null, null, now);
        subscriber.activate(Set.of("weather", "deadlines", "emergencies"), now);
        PrivacyNotice notice = new PrivacyNotice(1, "text", "summary", "https://x.test", List.of("weather", "deadlines"), now);
        ConsentRecord record = new ConsentRecord(1L, ConsentRecord.Action.GRANTED, now, notice, subscriber.topics(),
                ConsentRecord.Channel.WHATSAPP_KEYWORD, "{}");

        assertThat(subscriber.topics()).containsExactly("deadlines", "emergencies", "weather");
        assertThat(record.topics()).containsExactly("deadlines", "emergencies", "weather");
        assertThat(notice.purposes()).as("purposes keep the order they were published in").containsExactly("weather", "deadlines");
        assertThat(converter.convertToDatabaseColumn(List.copyOf(record.topics()))).isEqualTo("deadlines,emergencies,weather");
    }
}
