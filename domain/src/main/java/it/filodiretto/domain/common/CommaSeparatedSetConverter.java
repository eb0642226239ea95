package it.filodiretto.domain.common;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A set of codes (topics, neighbourhoods) in one text column as {@code a,b,c}: the format the columns and
 * their SQL audience rules ({@code ',' || topics || ','} like …) already use. Codes never contain a comma.
 * Reads an immutable set in the stored order; an empty set is stored as the empty string. The same format as
 * {@link CodeListConverter} (which it uses), for attributes that are sets.
 */
@Converter
public class CommaSeparatedSetConverter implements AttributeConverter<Set<String>, String> {

    @Override
    public String convertToDatabaseColumn(Set<String> codes) {
        return codes == null ? "" : CodeListConverter.format(codes);
    }

    @Override
    public Set<String> convertToEntityAttribute(String column) {
        if (column == null || column.isEmpty()) {
            return Set.of();
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(CodeListConverter.parse(column)));
    }
}
