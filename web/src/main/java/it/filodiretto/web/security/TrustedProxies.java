package it.filodiretto.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured reverse proxies ({@code filodiretto.security.trusted-proxies}) and the client address they
 * forward ({@link ClientAddress}): used by the login throttles, and meant for every per-address limit and the
 * consent evidence (docs/deploy-payara-server.md).
 */
@ApplicationScoped
public class TrustedProxies {

    @Inject
    @ConfigProperty(name = "filodiretto.security.trusted-proxies")
    java.util.Optional<String> trustedProxies;

    private ClientAddress resolver;

    @PostConstruct
    void configure() {
        resolver = new ClientAddress(trustedProxies.orElse(""));
    }

    /** The client's address: the peer, or the right-most untrusted hop of {@code X-Forwarded-For} behind a trusted proxy. */
    public String clientAddress(HttpServletRequest request) {
        return resolver.of(request);
    }
}
