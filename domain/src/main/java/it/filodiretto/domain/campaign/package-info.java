/**
 * Campaigns: the editorial workflow (a state machine with four-eyes approval and frozen content), the
 * emergency fast lane, scheduling with quiet hours, the audience rule, and dispatch — fan-out to one
 * delivery per recipient, the port to the delivery queue, sending, statuses and completion.
 */
package it.filodiretto.domain.campaign;
