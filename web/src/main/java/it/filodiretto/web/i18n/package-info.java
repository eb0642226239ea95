/** Resource bundles and their lookup: every user-facing text, Italian by default, English available. */
package it.filodiretto.web.i18n;
