/**
 * The JSON API's frame: its JAX-RS application and how refusals and failures become JSON errors with a
 * fitting status. Resources live in their capability's package.
 */
package it.filodiretto.web.api;
