package it.filodiretto.web.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * {@code GET /api/v1/system/probe/{token}}: the self-test's flaky endpoint. The first {@value #FAILURES}
 * calls for a token answer 503, the next one 200 with the number of attempts. Public (it reveals nothing),
 * takes only UUID tokens and remembers at most {@value #REMEMBERED} of them.
 */
@Path("v1/system/probe")
@ApplicationScoped
public class ProbeResource {

    static final int FAILURES = 2;
    static final int REMEMBERED = 1000;
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f-]{36}");

    private static boolean isUuid(String token) {
        if (!TOKEN.matcher(token).matches()) {
            return false;
        }
        try {
            UUID.fromString(token);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private final Map<String, Integer> attempts = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED;
        }
    });

    @GET
    @Path("{token}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response probe(@PathParam("token") String token) {
        if (!isUuid(token)) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(JSON.createObjectBuilder().add("error", "invalid_token")
                            .add("message", "The token must be a UUID.").build())
                    .build();
        }
        int attempt = attempts.merge(token, 1, Integer::sum);
        if (attempt <= FAILURES) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(JSON.createObjectBuilder().add("error", "deliberate_failure").add("attempt", attempt).build())
                    .build();
        }
        return Response.ok(JSON.createObjectBuilder().add("attempts", attempt).build(), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
