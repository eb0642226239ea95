package it.filodiretto.domain.assistant;

/** CDI event: articles or synonyms changed; after the commit the index catches up at once. */
public record KnowledgeChanged() {
}
