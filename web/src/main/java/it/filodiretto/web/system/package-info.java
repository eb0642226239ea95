/** Operational endpoints for the city's IT staff: the deployment self-test and its flaky probe. */
package it.filodiretto.web.system;
