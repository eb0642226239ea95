/**
 * The sandbox gateway (the embedded default, off in production): a stand-in for Meta's servers that speaks
 * the Cloud API subset, keeps what it "delivered", reports statuses with signed webhooks, plays citizens,
 * and injects faults. Reached by the web module through {@code integration.api.Sandbox}.
 */
package it.filodiretto.integration.sandbox;
