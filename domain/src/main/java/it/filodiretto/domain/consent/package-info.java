/**
 * Citizens' subscriptions and GDPR consent: subscribers (behind the {@code SubscriberRepository} port),
 * privacy-notice versions, the append-only consent records, chat keywords and the chat flows, one service per
 * concern behind the {@code ChatSubscriptions} entry point: consent (ISCRIVIMI, the consent buttons, STOP),
 * preferences (topics, neighbourhoods), the data subject's requests (notice, receipt, access, erasure) and
 * help. Uses the WhatsApp chat-replies port to reply and the audit trail to record every consent change.
 */
package it.filodiretto.domain.consent;
