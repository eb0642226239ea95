/**
 * What every capability shares: the domain's refusal type and the time source. Depends on nothing but
 * the Jakarta EE APIs.
 */
package it.filodiretto.domain.common;
