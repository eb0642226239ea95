/** Subscriptions and consent over HTTP: the public privacy-notice page (more pages come with the consent console). */
package it.filodiretto.web.consent;
