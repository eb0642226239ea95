/**
 * Operational adapters: MicroProfile Health checks (database and broker for readiness; liveness never
 * depends on an outside service) and the outbound probe used by the self-test.
 */
package it.filodiretto.integration.system;
