/**
 * Operational checks of a deployment (the JMS round trip and the fault-tolerance probe behind the
 * self-test endpoint). Uses the audit trail; reaches the outside only through its ports.
 */
package it.filodiretto.domain.system;
