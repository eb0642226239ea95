/**
 * The integration module's published API: the only classes the web module may use directly (ArchUnit
 * checks it). Everything else reaches the web module through domain ports and services.
 */
package it.filodiretto.integration.api;
