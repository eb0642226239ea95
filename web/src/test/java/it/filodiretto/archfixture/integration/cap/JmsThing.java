package it.filodiretto.archfixture.integration.cap;

import it.filodiretto.archfixture.web.cap.SomePage;

/** Breaks: integration → web, integration → Faces, and a Faces bean (also @Named) outside web. */
@jakarta.faces.view.ViewScoped
@jakarta.inject.Named
public class JmsThing {
    SomePage page;
    jakarta.faces.context.FacesContext faces;
}
