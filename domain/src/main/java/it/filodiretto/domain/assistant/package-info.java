/**
 * The virtual assistant (PRODUCT §3.7): the knowledge base (articles, synonyms, sent campaigns as articles),
 * the answer engine (retrieval, optional generative rewriting, sensitive subjects, AI disclosure), the chat
 * entry point that routes every citizen message, the handoff to human operators and the records. Uses
 * {@code consent} (subscription commands come first), {@code campaign} and {@code whatsapp}; reaches Lucene
 * and the language model only through the {@link it.filodiretto.domain.assistant.KnowledgeIndex} and
 * {@link it.filodiretto.domain.assistant.AnswerWriter} ports.
 */
package it.filodiretto.domain.assistant;
