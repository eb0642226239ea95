/**
 * Citizens' subscriptions and GDPR consent: subscribers, privacy-notice versions, the append-only consent
 * records, chat keywords and the chat flows (ISCRIVIMI, consent buttons, topics, STOP). Uses the WhatsApp
 * gateway port to reply and the audit trail to record every consent change.
 */
package it.filodiretto.domain.consent;
