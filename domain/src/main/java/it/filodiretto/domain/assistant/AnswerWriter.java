package it.filodiretto.domain.assistant;

import java.util.List;
import java.util.Optional;

/**
 * Port: the optional generative mode. Writes an answer to the question from the retrieved passages only
 * (an OpenAI-compatible chat-completions endpoint in integration). Empty when the mode is off, the endpoint
 * fails or is too slow: the caller then answers in retrieval mode.
 */
public interface AnswerWriter {

    boolean enabled();

    Optional<String> write(String question, String language, List<KnowledgeIndex.Hit> passages);

    /** The writer used when no endpoint is configured. */
    AnswerWriter NONE = new AnswerWriter() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public Optional<String> write(String question, String language, List<KnowledgeIndex.Hit> passages) {
            return Optional.empty();
        }
    };
}
