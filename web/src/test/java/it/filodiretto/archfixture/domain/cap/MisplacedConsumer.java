package it.filodiretto.archfixture.domain.cap;

/** Breaks: a message-driven bean outside integration; a JAX-RS resource and a registered client outside their modules. */
@jakarta.ejb.MessageDriven
@jakarta.ws.rs.Path("x")
@org.eclipse.microprofile.rest.client.inject.RegisterRestClient
public class MisplacedConsumer {
}
