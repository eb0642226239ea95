package it.filodiretto.integration.api;

import jakarta.json.JsonObject;

/** An HTTP answer of the sandbox's simulated Cloud API. */
public record GraphAnswer(int status, JsonObject body) {
}
