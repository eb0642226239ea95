/**
 * Security of every HTTP entry point: the authentication mechanism (console form login, API Basic), the
 * declared roles and the security headers. Page and endpoint roles are declared in web.xml.
 */
package it.filodiretto.web.security;
