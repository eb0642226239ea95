package it.filodiretto.web.api;

import it.filodiretto.domain.common.DomainException;
import it.filodiretto.web.console.DomainExceptions;
import it.filodiretto.web.i18n.Texts;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else: unreadable JSON is 400, JAX-RS's own errors keep their status, a concurrent change is
 * 409, and anything unexpected is a logged 500 with no stack trace in the response.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable e) {
        Locale locale = DomainExceptionMapper.locale(headers);
        DomainException domain = DomainExceptions.find(e);
        if (domain != null) {
            return new DomainExceptionMapper().toResponseFor(domain, locale);
        }
        if (isUnreadableJson(e)) {
            return error(Response.Status.BAD_REQUEST, "malformed_json", Texts.text(locale, "error.api.malformedJson"));
        }
        if (e instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            String code = Response.Status.fromStatusCode(status) == null ? "http_" + status
                    : Response.Status.fromStatusCode(status).name().toLowerCase(Locale.ROOT);
            return error(Response.Status.fromStatusCode(status), code, Texts.text(locale, "error.api.http", status));
        }
        if (DomainExceptions.isConcurrentChange(e)) {
            return error(Response.Status.CONFLICT, "concurrent_change", Texts.text(locale, "error.concurrentChange"));
        }
        LOG.log(Level.WARNING, "Unexpected failure in an API call", e);
        return error(Response.Status.INTERNAL_SERVER_ERROR, "internal_error", Texts.text(locale, "error.unexpected"));
    }

    private static boolean isUnreadableJson(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException || t instanceof ProcessingException) {
                return true;
            }
        }
        return false;
    }

    private static Response error(Response.Status status, String code, String message) {
        return Response.status(status == null ? Response.Status.INTERNAL_SERVER_ERROR : status)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, message)).build();
    }
}
