package it.filodiretto.archfixture.domain.cap;

import it.filodiretto.archfixture.integration.cap.JmsThing;
import it.filodiretto.archfixture.web.cap.SomePage;

/** Breaks: domain → integration, domain → web, domain → JAX-RS, and a cycle with web. */
public class LeakyService {
    SomePage page;
    JmsThing thing;
    jakarta.ws.rs.core.Response response;
}
