package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.whatsapp.ErrorClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorClassifierTest {

    @ParameterizedTest(name = "HTTP {0}, code {1} -> {2}")
    @CsvSource(nullValues = "none", value = {
            "500, none, TRANSIENT",
            "503, none, TRANSIENT",
            "429, none, TRANSIENT",
            "400, 130429, TRANSIENT",
            "400, 131056, TRANSIENT",
            "400, 131057, TRANSIENT",
            "500, 131000, TRANSIENT",
            "500, 2, TRANSIENT",
            "400, 131026, PERMANENT",
            "400, 131047, PERMANENT",
            "400, 131049, PERMANENT",
            "400, 131050, PERMANENT",
            "400, 131051, PERMANENT",
            "400, 132000, PERMANENT",
            "404, 132001, PERMANENT",
            "400, 132016, PERMANENT",
            "400, 100, PERMANENT",
            "400, none, PERMANENT",
            "404, none, TRANSIENT",
            "405, none, TRANSIENT",
            "404, 100, PERMANENT",
            "403, none, PERMANENT",
            "400, 131031, STOP_EVERYTHING",
            "400, 131042, STOP_EVERYTHING",
            "400, 368, STOP_EVERYTHING",
            "401, 190, STOP_EVERYTHING",
            "401, none, STOP_EVERYTHING",
            "503, 131026, PERMANENT"
    })
    void classifiesLikeTheDocumentedTable(int status, Integer code, ErrorClass expected) {
        assertThat(ErrorClassifier.classify(status, code)).isEqualTo(expected);
    }
}
