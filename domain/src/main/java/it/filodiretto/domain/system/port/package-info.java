/** What the system capability needs from the outside: a broker to send pings through, an HTTP probe. */
package it.filodiretto.domain.system.port;
