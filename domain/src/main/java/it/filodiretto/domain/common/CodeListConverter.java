package it.filodiretto.domain.common;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A list of codes (topics, neighbourhoods, purposes) in one column, comma-separated, as the schema has always
 * stored them (and as {@code Audience}'s SQL and the register's filters read them): {@code "a,b,c"}, empty for
 * none. Codes never contain a comma. Entities keep the list immutable and replace it on change. The same
 * format configures the topics, the neighbourhoods and the keywords: {@link #parse} reads all of them.
 */
@Converter
public class CodeListConverter implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToDatabaseColumn(List<String> codes) {
        return codes == null ? "" : format(codes);
    }

    /** Codes in the stored format, also the one of exports and the register's JSON ({@code "a,b"}). */
    public static String format(Collection<String> codes) {
        return String.join(",", codes);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        return parse(column);
    }

    /** A comma-separated list, as stored or configured: items stripped, empty ones dropped; none when blank. */
    public static List<String> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::strip).filter(code -> !code.isEmpty()).toList();
    }
}
