package it.filodiretto.web.sandbox;

import it.filodiretto.integration.api.CitizenAction;
import it.filodiretto.integration.api.FaultSettings;
import it.filodiretto.integration.api.SandboxMessage;
import it.filodiretto.integration.api.Sandbox;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.StringReader;
import java.util.List;
import java.util.regex.Pattern;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * Inspection and simulation for people and tests (no staff login: off in production, and it shows only
 * sandbox traffic): what a number received, the conversation of the simulated phone, a citizen's action,
 * fault injection.
 */
@Path("api")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxApiResource {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    @Inject
    Sandbox sandbox;

    @GET
    @Path("messages")
    public Response messages(@QueryParam("to") String to) {
        String phone = phone(to);
        if (phone == null) {
            return bad("invalid_number", "to: an E.164 number such as +393401234567");
        }
        JsonArrayBuilder list = JSON.createArrayBuilder();
        sandbox.sentTo(phone).forEach(r -> list.add(json(r)));
        return Response.ok(list.build()).build();
    }

    @GET
    @Path("pending-statuses")
    public Response pendingStatuses(@QueryParam("to") String to) {
        String phone = phone(to);
        if (phone == null) {
            return bad("invalid_number", "to: an E.164 number such as +393401234567");
        }
        return Response.ok(JSON.createObjectBuilder().add("pending", sandbox.pendingStatuses(phone)).build()).build();
    }

    @GET
    @Path("conversation")
    public Response conversation(@QueryParam("number") String number) {
        String phone = phone(number);
        if (phone == null) {
            return bad("invalid_number", "number: an E.164 number such as +393401234567");
        }
        JsonArrayBuilder list = JSON.createArrayBuilder();
        sandbox.conversation(phone).forEach(r -> list.add(json(r)));
        return Response.ok(list.build()).build();
    }

    @GET
    @Path("numbers")
    public List<String> numbers() {
        return sandbox.numbers();
    }

    @POST
    @Path("inbound")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response inbound(String body) {
        JsonObject request = object(body);
        if (request == null) {
            return bad("malformed_json", "a JSON object is required");
        }
        String from = phone(request.getString("from", null));
        if (from == null) {
            return bad("invalid_number", "from: an E.164 number such as +393401234567");
        }
        String text = request.getString("text", null);
        String buttonId = request.getString("buttonId", null);
        String listId = request.getString("listId", null);
        String reaction = request.getString("reaction", null);
        int given = (text == null ? 0 : 1) + (buttonId == null ? 0 : 1) + (listId == null ? 0 : 1) + (reaction == null ? 0 : 1);
        if (given != 1 || text != null && (text.isBlank() || text.length() > 4096)
                || reaction != null && (reaction.isBlank() || reaction.codePointCount(0, reaction.length()) > 8)) {
            return bad("invalid_action", "exactly one of text (1-4096 characters), buttonId, listId, reaction (an emoji)");
        }
        int status = sandbox.act(new CitizenAction(from, text, buttonId, listId, request.getString("title", null), reaction));
        return Response.ok(JSON.createObjectBuilder().add("status", status).build()).build();
    }

    /** Benchmarks: {@code {"count":100000,"topic":"public_utility"}} active subscribers at once. */
    @POST
    @Path("subscribers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response seed(String body) {
        JsonObject request = object(body);
        if (request == null || !(request.get("count") instanceof jakarta.json.JsonNumber n) || n.intValue() < 1
                || n.intValue() > 1_000_000) {
            return bad("invalid_count", "count: 1 to 1000000");
        }
        return Response.ok(JSON.createObjectBuilder().add("created", sandbox.seedSubscribers(n.intValue(),
                request.getString("topic", "public_utility"))).build()).build();
    }

    /** Benchmarks (bench/audit-load.sh): {@code {"events":20000,"writers":16}} audit appends, then the chain verified. */
    @POST
    @Path("audit-load")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response auditLoad(String body) {
        JsonObject request = object(body);
        int events = request == null ? 0 : request.getInt("events", 0);
        int writers = request == null ? 0 : request.getInt("writers", 16);
        if (events < 1 || events > 1_000_000 || writers < 1 || writers > 64) {
            return bad("invalid_load", "events: 1 to 1000000, writers: 1 to 64");
        }
        return Response.ok(sandbox.auditLoad(events, writers)).build();
    }

    /** Benchmarks: what the simulated WhatsApp delivered for the campaign whose text holds {@code token}. */
    @GET
    @Path("report")
    public Response report(@QueryParam("token") String token) {
        if (token == null || token.length() < 6) {
            return bad("invalid_token", "token: at least 6 characters");
        }
        return Response.ok(sandbox.report(token)).build();
    }

    @GET
    @Path("faults")
    public JsonObject faults() {
        return JSON.createObjectBuilder(json(sandbox.faults())).add("requests", sandbox.requests()).build();
    }

    @PUT
    @Path("faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response faults(String body) {
        JsonObject request = object(body);
        if (request == null) {
            return bad("malformed_json", "a JSON object is required");
        }
        String wrong = outOfRange(request);
        if (wrong != null) {
            return bad("invalid_fault", wrong);
        }
        FaultSettings current = sandbox.faults();
        FaultSettings updated = sandbox.faults(new FaultSettings(
                number(request, "serverErrorRate", current.serverErrorRate()),
                number(request, "rateLimitRate", current.rateLimitRate()),
                (long) number(request, "latencyMs", current.latencyMs()),
                number(request, "timeoutRate", current.timeoutRate()),
                number(request, "permanentErrorRate", current.permanentErrorRate()),
                (int) number(request, "maxMessagesPerSecond", current.maxMessagesPerSecond()),
                (int) number(request, "failNext", 0),
                request.get("loseAnswerTo") instanceof jakarta.json.JsonString s ? s.getString() : null));
        return Response.ok(json(updated)).build();
    }

    private static JsonObject json(FaultSettings s) {
        return JSON.createObjectBuilder()
                .add("serverErrorRate", s.serverErrorRate())
                .add("rateLimitRate", s.rateLimitRate())
                .add("latencyMs", s.latencyMs())
                .add("timeoutRate", s.timeoutRate())
                .add("permanentErrorRate", s.permanentErrorRate())
                .add("maxMessagesPerSecond", s.maxMessagesPerSecond())
                .add("failNext", s.failNext())
                .add("loseAnswerTo", s.loseAnswerTo() == null ? jakarta.json.JsonValue.NULL : JSON.createValue(s.loseAnswerTo()))
                .build();
    }

    private static JsonObject json(SandboxMessage r) {
        JsonObjectBuilder o = JSON.createObjectBuilder()
                .add("direction", r.direction().toLowerCase(java.util.Locale.ROOT))
                .add("wamid", r.wamid())
                .add("to", r.phone())
                .add("kind", r.kind())
                .add("time", r.createdAt().toString())
                .add("marketing", r.marketing());
        add(o, "templateName", r.templateName());
        add(o, "header", r.header());
        add(o, "text", r.text());
        add(o, "footer", r.footer());
        add(o, "status", r.status());
        o.add("parameters", r.parameters() == null ? JsonValue.EMPTY_JSON_ARRAY : parse(r.parameters()));
        o.add("buttons", r.buttons() == null ? JsonValue.EMPTY_JSON_ARRAY : parse(r.buttons()));
        o.add("list", r.listMenu() == null ? JsonValue.NULL : parse(r.listMenu()));
        return o.build();
    }

    private static void add(JsonObjectBuilder o, String key, String value) {
        if (value == null) {
            o.addNull(key);
        } else {
            o.add(key, value);
        }
    }

    private static JsonValue parse(String json) {
        return JSON.createReader(new StringReader(json)).readValue();
    }

    private static JsonObject object(String body) {
        try {
            JsonValue v = JSON.createReader(new StringReader(body == null ? "" : body)).readValue();
            return v instanceof JsonObject o ? o : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The first field that is not a number in its range (rates 0–1, latencyMs 0–60000, …), or null. */
    private static String outOfRange(JsonObject request) {
        String[][] ranges = {{"serverErrorRate", "0", "1"}, {"rateLimitRate", "0", "1"}, {"timeoutRate", "0", "1"},
                {"permanentErrorRate", "0", "1"}, {"latencyMs", "0", "60000"}, {"maxMessagesPerSecond", "0", "100000"},
                {"failNext", "0", "1000"}};
        for (String[] range : ranges) {
            JsonValue value = request.get(range[0]);
            if (value == null) {
                continue;
            }
            if (!(value instanceof JsonNumber n) || n.doubleValue() < Double.parseDouble(range[1])
                    || n.doubleValue() > Double.parseDouble(range[2])) {
                return range[0] + ": a number from " + range[1] + " to " + range[2];
            }
        }
        return null;
    }

    private static double number(JsonObject o, String key, double fallback) {
        return o.get(key) instanceof JsonNumber n ? n.doubleValue() : fallback;
    }

    static String phone(String raw) {
        if (raw == null) {
            return null;
        }
        if (raw.matches(" [0-9]{8,15}")) {
            return "+" + raw.substring(1); // ?to=+39... unencoded: the query string's '+' arrives as a space
        }
        String compact = raw.replaceAll("[\\s().-]", "");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        return E164.matcher(compact).matches() ? compact : null;
    }

    private static Response bad(String code, String message) {
        return Response.status(400).entity(JSON.createObjectBuilder().add("error", code).add("message", message).build()).build();
    }
}
