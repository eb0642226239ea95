/** WhatsApp in the console: templates, test send, received events (role ADMIN). */
package it.filodiretto.web.whatsapp;
