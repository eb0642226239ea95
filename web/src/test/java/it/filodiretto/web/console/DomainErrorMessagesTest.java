package it.filodiretto.web.console;

import it.filodiretto.domain.common.DomainError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every refusal of the domain can be told to the user in every language: its message key is in each bundle. */
class DomainErrorMessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_it.properties", "messages_en.properties"})
    void everyDomainErrorHasItsMessage(String bundle) throws IOException {
        Properties texts = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/it/filodiretto/web/i18n", bundle),
                StandardCharsets.UTF_8)) {
            texts.load(reader);
        }
        assertThat(Arrays.stream(DomainError.values()).filter(e -> !texts.containsKey(e.messageKey())).map(e -> e + " → " + e.messageKey()))
                .as("domain errors without a text in %s", bundle).isEmpty();
    }

    @Test
    void codesAreSnakeCaseForTheApi() {
        assertThat(Arrays.stream(DomainError.values()).map(DomainError::code).filter(c -> !c.matches("[a-z][a-z0-9_]*")))
                .as("codes answered as the API's \"error\"").isEmpty();
    }
}
