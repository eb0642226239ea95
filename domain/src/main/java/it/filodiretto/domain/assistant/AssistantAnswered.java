package it.filodiretto.domain.assistant;

/** CDI event: the assistant answered a question (for the metrics; no text, no citizen). */
public record AssistantAnswered(AnswerEngine.Outcome outcome, AnswerEngine.Mode mode, int tookMs) {
}
