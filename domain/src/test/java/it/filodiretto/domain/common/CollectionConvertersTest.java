package it.filodiretto.domain.common;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The column formats of collections stay those already stored: codes comma-separated, texts as a JSON array. */
class CollectionConvertersTest {

    private final CommaSeparatedSetConverter codes = new CommaSeparatedSetConverter();
    private final JsonStringListConverter texts = new JsonStringListConverter();

    @Test
    void codesAreStoredCommaSeparatedInTheirOrder() {
        assertThat(codes.convertToDatabaseColumn(new LinkedHashSet<>(List.of("deadlines", "weather")))).isEqualTo("deadlines,weather");
        assertThat(codes.convertToDatabaseColumn(Set.of())).isEmpty();
        assertThat(codes.convertToDatabaseColumn(null)).isEmpty();
    }

    @Test
    void storedCodesReadBackAsASetInTheStoredOrder() {
        assertThat(codes.convertToEntityAttribute("weather,deadlines")).containsExactly("weather", "deadlines");
        assertThat(codes.convertToEntityAttribute("")).isEmpty();
        assertThat(codes.convertToEntityAttribute(null)).isEmpty();
    }

    @Test
    void textsAreStoredAsAJsonArrayWhateverTheyHold() {
        List<String> parameters = List.of("IMU, TARI", "il \"16\" dicembre", "");
        String column = texts.convertToDatabaseColumn(parameters);
        assertThat(column).isEqualTo("[\"IMU, TARI\",\"il \\\"16\\\" dicembre\",\"\"]");
        assertThat(texts.convertToEntityAttribute(column)).isEqualTo(parameters);
    }

    @Test
    void noTextsAreAnEmptyArray() {
        assertThat(texts.convertToDatabaseColumn(List.of())).isEqualTo("[]");
        assertThat(texts.convertToDatabaseColumn(null)).isEqualTo("[]");
        assertThat(texts.convertToEntityAttribute("[]")).isEmpty();
    }
}
