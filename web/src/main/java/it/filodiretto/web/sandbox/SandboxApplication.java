package it.filodiretto.web.sandbox;

import it.filodiretto.web.api.DomainExceptionMapper;
import it.filodiretto.web.api.UnexpectedExceptionMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** {@code /sandbox/*}: the sandbox gateway (404 everywhere when the sandbox is off, see SandboxGuardFilter). */
@ApplicationPath("sandbox")
public class SandboxApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(SandboxGraphResource.class, SandboxApiResource.class, SandboxPhoneResource.class,
                DomainExceptionMapper.class, UnexpectedExceptionMapper.class);
    }
}
