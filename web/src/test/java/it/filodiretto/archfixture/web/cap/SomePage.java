package it.filodiretto.archfixture.web.cap;

import it.filodiretto.archfixture.domain.cap.LeakyService;
import it.filodiretto.archfixture.integration.cap.JmsThing;

/** Breaks: web → integration outside its published API (and closes a cycle with domain); web calls out over HTTP. */
public class SomePage {
    JmsThing thing;
    LeakyService service;
    java.net.http.HttpClient client;
}
