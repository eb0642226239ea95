/**
 * The assistant's adapters: the Apache Lucene knowledge index (Italian and English analysis, synonyms, fuzzy
 * matching, confidence), the OpenAI-compatible chat-completions client with its fault tolerance, and the
 * seed import at start. Implements the domain's {@code assistant} ports; knowledge-base files are read by the
 * published {@link it.filodiretto.integration.api.ArticleFiles}.
 */
package it.filodiretto.integration.assistant;
