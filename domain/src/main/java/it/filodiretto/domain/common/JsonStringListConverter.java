package it.filodiretto.domain.common;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.io.StringReader;
import java.util.List;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * An ordered list of free texts (template parameters, button payloads) in one text column as a JSON array
 * of strings: texts may hold any character, commas included. Reads an immutable list.
 */
@Converter
public class JsonStringListConverter implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToDatabaseColumn(List<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        if (values != null) {
            values.forEach(array::add);
        }
        return array.build().toString();
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return JSON.createReader(new StringReader(column)).readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .toList();
    }
}
