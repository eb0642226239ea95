package it.filodiretto.web.webhook;

import it.filodiretto.web.api.DomainExceptionMapper;
import it.filodiretto.web.api.UnexpectedExceptionMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** {@code /webhook/*}: the endpoints Meta calls. Public (authenticity comes from the signature). */
@ApplicationPath("webhook")
public class WebhookApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(WebhookResource.class, DomainExceptionMapper.class, UnexpectedExceptionMapper.class);
    }
}
