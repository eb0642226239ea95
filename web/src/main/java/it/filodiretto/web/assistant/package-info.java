/**
 * The virtual assistant's staff side: the knowledge base (articles, import, synonyms, a tester) for editors,
 * the operator inbox and the records for operators, and their REST API. Talks to the domain's assistant
 * services; reads knowledge-base files through the integration module's published {@code ArticleFiles}.
 */
package it.filodiretto.web.assistant;
