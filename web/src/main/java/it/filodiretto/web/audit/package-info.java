/** The audit trail over HTTP: the privacy officer's page and the verification API. */
package it.filodiretto.web.audit;
