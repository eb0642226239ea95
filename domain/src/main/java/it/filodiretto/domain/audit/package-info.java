/**
 * The tamper-evident audit trail: the closed vocabulary of actions, the append-only hash-chained events,
 * the one service that records them and the canonical form an auditor recomputes. Other capabilities call
 * {@link it.filodiretto.domain.audit.AuditTrail} inside their own transactions; nothing here depends on
 * them.
 */
package it.filodiretto.domain.audit;
