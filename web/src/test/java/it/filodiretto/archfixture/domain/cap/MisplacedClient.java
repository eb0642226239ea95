package it.filodiretto.archfixture.domain.cap;

/** Breaks: a REST client interface outside integration. */
@jakarta.ws.rs.Path("y")
public interface MisplacedClient {
}
