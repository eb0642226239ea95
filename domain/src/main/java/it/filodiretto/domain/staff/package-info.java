/**
 * Staff accounts and their roles: creation and changes by administrators, password policy, login with
 * throttling after repeated failures, and the first administrator. Records every change and every login
 * attempt through the audit trail.
 */
package it.filodiretto.domain.staff;
