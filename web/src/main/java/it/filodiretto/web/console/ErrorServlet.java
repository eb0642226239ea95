package it.filodiretto.web.console;

import it.filodiretto.web.i18n.Texts;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * The error pages (web.xml maps 403, 404, 500 and any exception here): JSON under {@code /api/}, a short
 * page in the visitor's language elsewhere. Never a stack trace, never the server's version.
 */
@WebServlet(urlPatterns = "/error")
public class ErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.toString().substring(Math.min(uri.toString().length(), request.getContextPath().length()));
        Locale locale = Texts.of(request);
        String key = switch (status) {
            case 401, 403 -> "error.page.forbidden";
            case 404 -> "error.page.notFound";
            default -> "error.page.internal";
        };
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        if (path.startsWith("/api/") || path.startsWith("/webhook/") || path.startsWith("/sandbox/api/")) {
            response.setContentType("application/json");
            response.getWriter().write(JSON.createObjectBuilder()
                    .add("error",
                            status == 403 ? "forbidden" : status == 404 ? "not_found" : status == 401 ? "unauthorized" : "internal_error")
                    .add("message", Texts.text(locale, key))
                    .build().toString());
            return;
        }
        response.setContentType("text/html");
        PrintWriter out = response.getWriter();
        out.write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + status + "</title><link rel=\"stylesheet\" href=\"" + request.getContextPath()
                + "/resources/css/error.css\"></head><body><main><h1>" + status + "</h1><p>"
                + Texts.text(locale, key) + "</p><p><a href=\"" + request.getContextPath() + "/\">"
                + Texts.text(locale, "error.page.home") + "</a></p></main></body></html>");
    }
}
