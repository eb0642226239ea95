package it.filodiretto.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local OpenAI-compatible chat-completions server for the tests (no network here): answers from the
 * prompt's first official link (GOOD), without any link (NO_LINK, the engine must fall back), or fails (ERROR).
 */
@WebServlet("/fake-llm/v1/chat/completions")
public class FakeChatCompletions extends HttpServlet {

    enum Mode { GOOD, NO_LINK, ERROR }

    static volatile Mode mode = Mode.GOOD;
    static volatile JsonObject lastRequest;
    static volatile String lastAuthorization;
    static final AtomicInteger CALLS = new AtomicInteger();

    private static final Pattern LINK = Pattern.compile("Official link: (https?://\\S+)");

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CALLS.incrementAndGet();
        lastAuthorization = request.getHeader("Authorization");
        JsonObject body = Json.createReader(request.getInputStream()).readObject();
        lastRequest = body;
        if (mode == Mode.ERROR) {
            response.sendError(500, "model overloaded");
            return;
        }
        String prompt = body.getJsonArray("messages").getJsonObject(1).getString("content");
        Matcher link = LINK.matcher(prompt);
        String content = "Risposta generata dal modello sulla base dei passaggi ufficiali."
                + (mode == Mode.GOOD && link.find() ? " Fonte: " + link.group(1) : "");
        response.setContentType("application/json");
        response.getWriter().write(Json.createObjectBuilder().add("id", "chatcmpl-test").add("object", "chat.completion")
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("index", 0)
                        .add("message", Json.createObjectBuilder().add("role", "assistant").add("content", content))
                        .add("finish_reason", "stop")))
                .build().toString());
    }
}
