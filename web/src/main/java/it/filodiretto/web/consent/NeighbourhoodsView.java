package it.filodiretto.web.consent;

import it.filodiretto.domain.consent.Neighbourhoods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** The configured neighbourhoods for every page that offers them ({@code #{neighbourhoodsView…}}). */
@Named
@ApplicationScoped
public class NeighbourhoodsView {

    @Inject
    Neighbourhoods neighbourhoods;

    public boolean isEnabled() {
        return neighbourhoods.enabled();
    }

    public List<String> getCodes() {
        return neighbourhoods.codes();
    }

    public String label(String code) {
        return neighbourhoods.label(code);
    }
}
