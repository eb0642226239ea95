/** Staff accounts over HTTP: the administrator's console page and the provisioning API. */
package it.filodiretto.web.staff;
