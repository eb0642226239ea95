/** Campaign pages (list, editor with phone preview, review and statistics, calendar, emergency) and the campaign API. */
package it.filodiretto.web.campaign;
