/**
 * WhatsApp as the domain sees it: the messages the city sends and the gateway port that sends them,
 * message templates and their pre-flight check, and what arrives from WhatsApp (inbound messages,
 * delivery statuses, preference changes), recorded once and announced as CDI events to the capabilities
 * that observe them. The Cloud API itself, webhooks' signatures and JSON live in the integration module.
 */
package it.filodiretto.domain.whatsapp;
