/** The sandbox gateway's HTTP endpoints and the simulated phone page; logic in {@code integration.api.Sandbox}. */
package it.filodiretto.web.sandbox;
