package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.whatsapp.ErrorClass;
import it.filodiretto.domain.whatsapp.SendResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.io.StringReader;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * The one bean that calls the Cloud API send endpoints, guarded by MicroProfile Fault Tolerance: a timeout
 * per attempt, retries with delay and jitter on transient errors only, a circuit breaker that opens when
 * most recent calls fail transiently, and a bulkhead bounding concurrent calls. Every threshold can be
 * changed with MicroProfile Config, e.g.
 * {@code it.filodiretto.integration.whatsapp.CloudApiSender/send/Retry/maxRetries=5} (docs/configuration.md).
 */
@ApplicationScoped
public class CloudApiSender {

    @Inject
    WhatsAppSettings settings;

    @Inject
    SendRateLimiter rate;

    private volatile CloudApiClient client;

    CloudApiClient client() {
        CloudApiClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = RestClientBuilder.newBuilder()
                            .baseUri(URI.create(settings.baseUrl()))
                            // error statuses are classified here, not turned into exceptions
                            .property("microprofile.rest.client.disable.default.mapper", true)
                            .connectTimeout(3, TimeUnit.SECONDS)
                            .readTimeout(8, TimeUnit.SECONDS)
                            .build(CloudApiClient.class);
                }
                c = client;
            }
        }
        return c;
    }

    /** Sends one message payload; returns the wamid or throws a classified {@link ApiError}. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    // a timed-out attempt is not retried here: the API may have accepted it, so the caller decides (and flags it)
    @Retry(maxRetries = 3, delay = 250, jitter = 200, maxDuration = 60_000, retryOn = ApiError.Transient.class, abortOn = {
            ApiError.Final.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10_000, successThreshold = 2, failOn = {
            ApiError.Transient.class, TimeoutException.class}, skipOn = ApiError.Final.class)
    @Bulkhead(64)
    public String send(JsonObject payload, boolean marketing) {
        try {
            rate.acquire(); // every attempt, retries included, counts against the ceiling
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError.Transient(0, 0, "interrupted while waiting for the send rate");
        }
        Response response;
        try {
            response = marketing
                    ? client().marketingMessages(settings.apiVersion(), settings.phoneNumberId(), settings.bearer(), payload)
                    : client().messages(settings.apiVersion(), settings.phoneNumberId(), settings.bearer(), payload);
        } catch (ProcessingException e) {
            if (answerLost(e)) {
                // the request went out and its answer did not come back: the API may have accepted it, so no retry here
                throw new ApiError.Final(ErrorClass.TRANSIENT, 0, SendResult.Refused.ANSWER_LOST,
                        "no answer in time: the message may have been accepted");
            }
            throw new ApiError.Transient(0, 0, "no answer from the API (" + e.getClass().getSimpleName() + ")");
        }
        try (response) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            return wamidOrThrow(response.getStatus(), body);
        } catch (ApiError.Transient e) {
            if (e.code() == 130429) {
                rate.slowDown(); // WhatsApp's throughput reached: slow down instead of hammering
            }
            throw e;
        }
    }

    /** A read timeout: the request was sent, its answer never came (a refused or timed-out connection sent nothing). */
    static boolean answerLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException
                    && (t.getMessage() == null || !t.getMessage().toLowerCase().contains("connect"))) {
                return true;
            }
        }
        return false;
    }

    /** One page of the account's message templates (Graph API paging by cursor). */
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 1000, jitter = 500, retryOn = {ApiError.Transient.class,
            TimeoutException.class}, abortOn = ApiError.Final.class)
    public JsonObject templates(String after) {
        return read(() -> client().templates(settings.apiVersion(), settings.wabaId(), settings.bearer(), 100, after), "template list");
    }

    /** The phone number's standing (quality rating, messaging-limit tier, throughput level). */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 60_000, successThreshold = 1)
    public JsonObject phoneNumber() {
        return read(() -> client().phoneNumber(settings.apiVersion(), settings.phoneNumberId(), settings.bearer(),
                "quality_rating,messaging_limit_tier,throughput,display_phone_number"), "phone number");
    }

    /** A GET of the Graph API: its JSON body, or the classified error. */
    private static JsonObject read(java.util.function.Supplier<Response> call, String what) {
        Response response;
        try {
            response = call.get();
        } catch (ProcessingException e) {
            if (answerLost(e)) {
                // the request went out and its answer did not come back: the API may have accepted it, so no retry here
                throw new ApiError.Final(ErrorClass.TRANSIENT, 0, SendResult.Refused.ANSWER_LOST,
                        "no answer in time: the message may have been accepted");
            }
            throw new ApiError.Transient(0, 0, "no answer from the API (" + e.getClass().getSimpleName() + ")");
        }
        try (response) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            JsonObject json = parse(body);
            if (response.getStatus() / 100 == 2 && json != null) {
                return json;
            }
            wamidOrThrow(response.getStatus() / 100 == 2 ? 502 : response.getStatus(), body);
            throw new ApiError.Transient(response.getStatus(), 0, "unreadable " + what);
        }
    }

    static String wamidOrThrow(int status, String body) {
        JsonObject json = parse(body);
        if (status / 100 == 2) {
            JsonArray messages = json == null ? null : json.getJsonArray("messages");
            if (messages != null && !messages.isEmpty() && messages.getJsonObject(0).containsKey("id")) {
                return messages.getJsonObject(0).getString("id");
            }
            throw new ApiError.Final(ErrorClass.PERMANENT, status, 0, "accepted without a message id");
        }
        JsonObject error = json != null && json.get("error") instanceof JsonObject e ? e : null;
        Integer code = error != null && error.get("code") != null && error.get("code").getValueType() == JsonValue.ValueType.NUMBER
                ? error.getInt("code") : null;
        String title = error == null ? "HTTP " + status
                : error.getString("message", error.getString("error_user_title", "HTTP " + status));
        ErrorClass errorClass = ErrorClassifier.classify(status, code);
        int c = code == null ? 0 : code;
        if (errorClass == ErrorClass.TRANSIENT) {
            throw new ApiError.Transient(status, c, title);
        }
        throw new ApiError.Final(errorClass, status, c, title);
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonValue value = JSON.createReader(new StringReader(body)).readValue();
            return value instanceof JsonObject o ? o : null;
        } catch (JsonParsingException | IllegalStateException e) {
            return null;
        }
    }
}
