package it.filodiretto.domain.common;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code Json.createXxx(...)} looks the provider up with a
 * ServiceLoader scan of the class path on every call — measured as the first CPU consumer of the dispatch
 * benchmark — so the application's code uses {@code JSON.createXxx(...)} instead.
 */
public final class Jsons {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsons() {
    }
}
