package it.filodiretto.web.assistant;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.assistant.Article;
import it.filodiretto.domain.assistant.ArticleDraft;
import it.filodiretto.domain.assistant.KnowledgeBase;
import it.filodiretto.domain.common.DomainException;
import it.filodiretto.integration.api.ArticleFiles;
import it.filodiretto.web.i18n.Texts;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import static it.filodiretto.domain.common.Jsons.JSON;

/** The knowledge base for automation (roles EDITOR, ADMIN). */
@Path("v1/knowledge")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assistant: knowledge base", description = "Articles, bulk import, synonyms")
public class KnowledgeResource {

    @Inject
    KnowledgeBase knowledge;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Path("articles")
    @Operation(summary = "Articles (q: in title, slug or tags; state: PUBLISHED or ARCHIVED)")
    public JsonObject list(@QueryParam("q") String q, @QueryParam("state") String state,
            @QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("100") int max) {
        Article.State s = state(state);
        JsonArrayBuilder items = JSON.createArrayBuilder();
        knowledge.list(q, s, Math.max(0, first), Math.max(1, Math.min(max, 1000))).forEach(a -> items.add(json(a)));
        return JSON.createObjectBuilder().add("total", knowledge.count(q, s)).add("articles", items).build();
    }

    @GET
    @Path("articles/{slug}")
    public JsonObject get(@PathParam("slug") String slug) {
        return json(bySlug(slug));
    }

    @POST
    @Path("articles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write an article", description = "{\"slug\":\"…\",\"title\":\"…\",\"text\":\"…\",\"link\":\"https://…\","
            + "\"office\":\"…\",\"tags\":[\"…\"],\"language\":\"it\",\"validFrom\":\"2027-01-01\",\"validUntil\":\"2027-12-31\"}")
    public Response create(JsonObject body) {
        Article a = knowledge.create(draft(body, null), security.getUserPrincipal().getName());
        return Response.created(uri.getBaseUriBuilder().path("v1/knowledge/articles/" + a.slug()).build()).entity(json(a)).build();
    }

    @PUT
    @Path("articles/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an article's content", description = "The body of POST plus \"version\" (optimistic locking)")
    public JsonObject update(@PathParam("slug") String slug, JsonObject body) {
        Article a = bySlug(slug);
        if (body == null || !body.containsKey("version") || body.get("version").getValueType() != JsonValue.ValueType.NUMBER) {
            throw new DomainException(DomainError.ARTICLE_VERSION_REQUIRED);
        }
        return json(knowledge.update(a.id(), body.getJsonNumber("version").longValue(), draft(body, slug),
                security.getUserPrincipal().getName()));
    }

    @POST
    @Path("articles/{slug}/archive")
    public JsonObject archive(@PathParam("slug") String slug) {
        return json(knowledge.archive(bySlug(slug).id(), security.getUserPrincipal().getName()));
    }

    @POST
    @Path("articles/{slug}/restore")
    public JsonObject restore(@PathParam("slug") String slug) {
        return json(knowledge.restore(bySlug(slug).id(), security.getUserPrincipal().getName()));
    }

    @POST
    @Path("articles/import")
    @Consumes({MediaType.APPLICATION_JSON, "text/csv", "application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Import a knowledge-base file (JSON, CSV or ZIP of Markdown/HTML pages; format: docs/assistant.md)", description = "All or nothing: a file with problems is refused with every problem listed (422)")
    public Response importFile(java.io.InputStream body, @QueryParam("name") String name) throws java.io.IOException {
        // read at most the import budget: a larger body is refused before it fills the heap
        byte[] content = body == null ? new byte[0] : body.readNBytes((int) ArticleFiles.MAX_BYTES + 1);
        if (content.length > ArticleFiles.MAX_BYTES) {
            return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(JSON.createObjectBuilder().add("error", "payload_too_large")
                            .add("message", Texts.text(locale(), "error.import.tooLarge", ArticleFiles.MAX_BYTES / (1024 * 1024))).build())
                    .build();
        }
        if (content.length == 0) {
            throw new DomainException(DomainError.API_MISSING_BODY);
        }
        MediaType type = headers.getMediaType();
        String file = name != null ? name : type != null && type.getSubtype().contains("csv") ? "import.csv"
                : type != null && type.getSubtype().contains("zip") ? "import.zip" : "import.json";
        ArticleFiles.Contents contents = ArticleFiles.read(file, content);
        if (!contents.problems().isEmpty()) {
            Locale locale = locale();
            JsonArrayBuilder problems = JSON.createArrayBuilder();
            for (ArticleFiles.Problem p : contents.problems()) {
                problems.add(JSON.createObjectBuilder().add("file", p.file()).add("line", p.line()).add("code", p.messageKey())
                        .add("message", Texts.text(locale, p.messageKey(), p.arguments().toArray())));
            }
            return Response.status(422).entity(JSON.createObjectBuilder().add("error", "invalid_file")
                    .add("message", Texts.text(locale, "import.refused", contents.problems().size())).add("problems", problems).build())
                    .build();
        }
        KnowledgeBase.ImportResult r = knowledge.importAll(contents.articles(), contents.synonyms(), security.getUserPrincipal().getName());
        return Response.ok(JSON.createObjectBuilder().add("created", r.created()).add("updated", r.updated())
                .add("unchanged", r.unchanged()).add("synonymLines", r.synonymLines()).build()).build();
    }

    @GET
    @Path("synonyms")
    public JsonObject synonyms() {
        JsonArrayBuilder lines = JSON.createArrayBuilder();
        knowledge.synonyms().forEach(lines::add);
        return JSON.createObjectBuilder().add("synonyms", lines).build();
    }

    @PUT
    @Path("synonyms")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the synonym list", description = "{\"synonyms\":[\"tari, tassa rifiuti\", \"cie => carta identita\"]}")
    public JsonObject saveSynonyms(JsonObject body) {
        if (body == null || !body.containsKey("synonyms") || body.get("synonyms").getValueType() != JsonValue.ValueType.ARRAY) {
            throw new DomainException(DomainError.SYNONYMS_REQUIRED);
        }
        knowledge.saveSynonyms(body.getJsonArray("synonyms").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
                security.getUserPrincipal().getName());
        return synonyms();
    }

    private Article bySlug(String slug) {
        return knowledge.bySlug(slug).orElseThrow(() -> new DomainException(DomainError.ARTICLE_NOT_FOUND));
    }

    private static Article.State state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return Article.State.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(DomainError.ARTICLE_STATE, state);
        }
    }

    private static ArticleDraft draft(JsonObject body, String slug) {
        if (body == null) {
            throw new DomainException(DomainError.API_MISSING_BODY);
        }
        Set<String> tags = new LinkedHashSet<>();
        JsonValue rawTags = body.get("tags");
        if (rawTags != null && rawTags.getValueType() == JsonValue.ValueType.ARRAY) {
            rawTags.asJsonArray().forEach(v -> tags.add(v instanceof JsonString s ? s.getString() : v.toString()));
        }
        return new ArticleDraft(slug != null ? slug : string(body, "slug"), string(body, "title"), string(body, "text"),
                string(body, "link"), string(body, "office"), tags, string(body, "language"), date(body, "validFrom"),
                date(body, "validUntil"));
    }

    private static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonString s ? s.getString() : null;
    }

    private static LocalDate date(JsonObject o, String key) {
        String s = string(o, key);
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new DomainException(DomainError.IMPORT_BAD_DATE, s);
        }
    }

    static JsonObject json(Article a) {
        JsonArrayBuilder tags = JSON.createArrayBuilder();
        a.draft().tagList().forEach(tags::add);
        JsonObjectBuilder b = JSON.createObjectBuilder().add("id", a.id()).add("version", a.version()).add("slug", a.slug())
                .add("title", a.title()).add("text", a.text()).add("tags", tags).add("language", a.language())
                .add("state", a.state().name()).add("source", a.source().name()).add("updatedBy", a.updatedBy())
                .add("updatedAt", a.updatedAt().toString());
        b.add("link", nullable(a.link()));
        b.add("office", nullable(a.office()));
        b.add("validFrom", nullable(a.validFrom()));
        b.add("validUntil", nullable(a.validUntil()));
        return b.build();
    }

    /** A JSON value, or JSON null (numbers stay numbers, everything else is its text). */
    static JsonValue nullable(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Double d) {
            return JSON.createValue(d);
        }
        return value instanceof Number n ? JSON.createValue(n.longValue()) : JSON.createValue(value.toString());
    }

    private Locale locale() {
        return headers.getAcceptableLanguages().isEmpty() ? Texts.ITALIAN : headers.getAcceptableLanguages().get(0);
    }
}
