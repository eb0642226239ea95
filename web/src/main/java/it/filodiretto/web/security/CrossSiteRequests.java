package it.filodiretto.web.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Browsers cache HTTP Basic credentials and send them with any request to the host, even one a hostile page
 * starts. Such a page can send, without the preflight that would stop it, only a form-like body
 * ({@code application/x-www-form-urlencoded}, {@code multipart/form-data}, {@code text/plain}) or none, and no
 * custom header. So a state-changing API request ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) must
 * carry a body type the API consumes (JSON; the knowledge import's CSV, ZIP or bytes) or the custom header
 * {@value #CUSTOM_HEADER}; otherwise it is refused with 415 before any authentication. Pure: no container.
 */
public final class CrossSiteRequests {

    public static final String CUSTOM_HEADER = "X-Requested-By";

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> ACCEPTED_TYPES = Set.of("application/json", "text/csv", "application/zip",
            "application/octet-stream");

    private CrossSiteRequests() {
    }

    /** Why this request is refused, or empty when it may go on. */
    public static Optional<String> refusal(String method, String contentType, String customHeader) {
        if (method == null || !STATE_CHANGING.contains(method.toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (customHeader != null && !customHeader.isBlank()) {
            return Optional.empty();
        }
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (ACCEPTED_TYPES.contains(type) || type.startsWith("application/") && type.endsWith("+json")) {
            return Optional.empty();
        }
        return Optional.of(type.isEmpty() ? "missing" : type);
    }
}
