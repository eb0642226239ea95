/**
 * The staff console frame: login and logout, language, the logged-in user, the city's branding, and how
 * domain refusals become faces messages.
 */
package it.filodiretto.web.console;
