/**
 * JMS adapters: the connection factory and queue definitions, producers that implement domain ports and
 * thin message-driven consumers that call domain services. Messages are JSON text, never objects.
 */
package it.filodiretto.integration.messaging;
