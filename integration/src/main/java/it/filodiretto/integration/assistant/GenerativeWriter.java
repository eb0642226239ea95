package it.filodiretto.integration.assistant;

import it.filodiretto.domain.assistant.AnswerWriter;
import it.filodiretto.domain.assistant.KnowledgeIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * The generative mode: asks an OpenAI-compatible chat-completions endpoint to answer from the retrieved
 * passages only, in the citizen's language, citing the official link. On only when
 * {@code filodiretto.assistant.llm.base-url} and {@code filodiretto.assistant.llm.api-key} are set. Guarded
 * by a timeout, one retry and a circuit breaker; any failure gives an empty answer and the engine falls back
 * to retrieval mode (the citizen still gets the official answer).
 */
@ApplicationScoped
public class GenerativeWriter implements AnswerWriter {

    private static final Logger LOG = Logger.getLogger(GenerativeWriter.class.getName());

    static final String INSTRUCTIONS = "You are the automated assistant of an Italian city's WhatsApp channel. Answer the citizen's "
            + "question using ONLY the official passages below. If they do not contain the answer, say that you do not have an "
            + "official answer. Answer in the citizen's language (%s), in at most 700 characters, plain text for WhatsApp, and "
            + "end with the official link of the passage you used, exactly as written. Never invent dates, amounts, phone numbers or links.";

    @Inject
    @ConfigProperty(name = "filodiretto.assistant.llm.base-url")
    Optional<String> baseUrl;

    @Inject
    @ConfigProperty(name = "filodiretto.assistant.llm.api-key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "filodiretto.assistant.llm.model", defaultValue = "gpt-4o-mini")
    String model;

    @Inject
    @ConfigProperty(name = "filodiretto.assistant.llm.temperature", defaultValue = "0.1")
    double temperature;

    private volatile ChatCompletionsClient client;

    @Override
    public boolean enabled() {
        return baseUrl.filter(s -> !s.isBlank()).isPresent() && apiKey.filter(s -> !s.isBlank()).isPresent();
    }

    private ChatCompletionsClient client() {
        ChatCompletionsClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = RestClientBuilder.newBuilder().baseUri(URI.create(baseUrl.orElseThrow()))
                            .connectTimeout(2, TimeUnit.SECONDS).readTimeout(8, TimeUnit.SECONDS)
                            .build(ChatCompletionsClient.class);
                }
                c = client;
            }
        }
        return c;
    }

    @Override
    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = IllegalStateException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30_000, successThreshold = 1)
    @Fallback(fallbackMethod = "none")
    public Optional<String> write(String question, String language, List<KnowledgeIndex.Hit> passages) {
        if (!enabled()) {
            return Optional.empty();
        }
        JsonObject response = client().complete("Bearer " + apiKey.orElseThrow(), request(question, language, passages));
        try {
            String content = response.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content");
            return Optional.of(content);
        } catch (RuntimeException malformed) {
            throw new IllegalStateException("chat-completions answer without choices[0].message.content");
        }
    }

    Optional<String> none(String question, String language, List<KnowledgeIndex.Hit> passages) {
        LOG.warning("Generative answer unavailable; answered in retrieval mode");
        return Optional.empty();
    }

    JsonObject request(String question, String language, List<KnowledgeIndex.Hit> passages) {
        StringBuilder context = new StringBuilder();
        int n = 0;
        for (KnowledgeIndex.Hit h : passages) {
            context.append("[").append(++n).append("] ").append(h.title()).append("\n").append(h.passage()).append("\n");
            if (h.office() != null) {
                context.append("Office: ").append(h.office()).append("\n");
            }
            context.append("Official link: ").append(h.link() == null ? "(none)" : h.link()).append("\n\n");
        }
        JsonArrayBuilder messages = JSON.createArrayBuilder()
                .add(JSON.createObjectBuilder().add("role", "system")
                        .add("content", String.format(INSTRUCTIONS, "en".equals(language) ? "English" : "Italian")))
                .add(JSON.createObjectBuilder().add("role", "user")
                        .add("content", "Official passages:\n\n" + context + "Citizen's question: " + question));
        return JSON.createObjectBuilder().add("model", model).add("temperature", temperature).add("messages", messages).build();
    }
}
