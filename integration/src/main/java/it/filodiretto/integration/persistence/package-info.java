/**
 * The database schema (Flyway migrations, run at start-up before anything else) and first-run set-up.
 * Uses the container's data source {@code jdbc/filodiretto}; domain services only through their APIs.
 */
package it.filodiretto.integration.persistence;
