package it.filodiretto.web.api;

import it.filodiretto.domain.common.DomainException;
import it.filodiretto.web.i18n.Texts;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;

/** A refusal of the domain becomes 400, 403, 404 or 409 with a JSON body. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(DomainException e) {
        return toResponseFor(e, locale(headers));
    }

    Response toResponseFor(DomainException e, Locale locale) {
        Response.Status status = switch (e.kind()) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case FORBIDDEN -> Response.Status.FORBIDDEN;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(e.code(), Texts.text(locale, e))).build();
    }

    static Locale locale(HttpHeaders headers) {
        return Texts.of(headers == null ? null : headers.getAcceptableLanguages());
    }
}
