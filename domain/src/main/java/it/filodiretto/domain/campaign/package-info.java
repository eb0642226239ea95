/**
 * Campaigns: the editorial workflow (a state machine with four-eyes approval and frozen content), the
 * emergency fast lane, scheduling with quiet hours, the audience rule, and dispatch — fan-out to one
 * delivery per recipient, the port to the delivery queue, sending, statuses and completion. The rules of a
 * step are {@link it.filodiretto.domain.campaign.Campaign}'s and its named policies' (four-eyes, sending
 * control, cancellation, quiet hours), which pages ask too; services check roles, keep history and audit.
 */
package it.filodiretto.domain.campaign;
