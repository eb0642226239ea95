package it.filodiretto.web.console;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text exists in Italian (the default bundle and {@code _it}) and in English: no key is missing in one language. */
class BundleParityTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "src/main/resources/it/filodiretto/web/i18n/messages",
            "src/main/resources/it/filodiretto/web/i18n/faces",
            "../domain/src/main/resources/it/filodiretto/domain/consent/chat",
            "../domain/src/main/resources/it/filodiretto/domain/assistant/assistant"})
    void theItalianAndEnglishBundlesHaveTheSameKeys(String base) throws IOException {
        Set<String> fallback = keys(base + ".properties");
        Set<String> italian = keys(base + "_it.properties");
        Set<String> english = keys(base + "_en.properties");

        assertThat(fallback).isNotEmpty();
        assertThat(italian).as("keys of %s_it", base).isEqualTo(fallback);
        assertThat(english).as("keys of %s_en", base).isEqualTo(fallback);
    }

    private static Set<String> keys(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
