package it.filodiretto.domain.whatsapp;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateCheckTest {

    private static MessageTemplate template(MessageTemplate.Status status) {
        return new MessageTemplate("allerta_meteo", "it", MessageCategory.UTILITY, status, "Allerta {{1}}",
                "Allerta *{{1}}* per {{2}}.", null, List.of(), MessageTemplate.Source.CONSOLE, OffsetDateTime.now());
    }

    private static List<String> codes(List<TemplateCheck.Problem> problems) {
        return problems.stream().map(TemplateCheck.Problem::code).toList();
    }

    @Test
    void completeParametersOfAnApprovedTemplatePass() {
        assertThat(TemplateCheck.preflight(template(MessageTemplate.Status.APPROVED), List.of("rossa"), List.of("rossa", "neve")))
                .isEmpty();
    }

    @Test
    void everyProblemIsReportedBeforeSending() {
        assertThat(codes(TemplateCheck.preflight(null, List.of(), List.of()))).containsExactly("unknown_template");
        assertThat(codes(TemplateCheck.preflight(template(MessageTemplate.Status.PAUSED), List.of("a"), List.of("a", "b"))))
                .containsExactly("template_not_approved");
        assertThat(codes(TemplateCheck.preflight(template(MessageTemplate.Status.APPROVED), List.of(), List.of("a"))))
                .containsExactly("header_parameter_count", "body_parameter_count");
        assertThat(codes(TemplateCheck.preflight(template(MessageTemplate.Status.APPROVED), List.of("a"), List.of(" ", "x\ny"))))
                .containsExactly("empty_parameter", "parameter_format");
        assertThat(codes(TemplateCheck.preflight(template(MessageTemplate.Status.APPROVED), List.of("h".repeat(61)), List.of("a", "b"))))
                .containsExactly("header_parameter_format");
        assertThat(codes(TemplateCheck.preflight(template(MessageTemplate.Status.APPROVED), List.of("a"), List.of("a", "b".repeat(1020)))))
                .containsExactly("body_too_long");
    }

    @Test
    void parametersAreCountedAndRendered() {
        assertThat(MessageTemplate.parameterCount("{{1}} e {{2}} e ancora {{1}}")).isEqualTo(2);
        assertThat(MessageTemplate.render("Ciao {{1}}, {{2}}! {{3}}", List.of("Anna", "benvenuta")))
                .isEqualTo("Ciao Anna, benvenuta! {{3}}");
        assertThat(MessageTemplate.render("costo {{1}}", List.of("$5 \\ €"))).isEqualTo("costo $5 \\ €");
    }

    @Test
    void aMediaHeaderNeedsItsHttpsLinkAndALinkButtonItsParameter() {
        MessageTemplate t = new MessageTemplate("avviso_con_immagine", "it", MessageCategory.UTILITY, MessageTemplate.Status.APPROVED, null,
                "{{1}}", null, List.of(), MessageTemplate.Source.CONSOLE, OffsetDateTime.now());
        t.media(MessageTemplate.HeaderFormat.IMAGE, "Dettagli", "https://comune.example/notizie/{{1}}");
        assertThat(codes(TemplateCheck.preflight(t, List.of(), List.of("a"), "https://comune.example/a.jpg", "tari"))).isEmpty();
        assertThat(codes(TemplateCheck.preflight(t, List.of(), List.of("a"), null, null))).containsExactly("header_media_required",
                "link_required");
        assertThat(codes(TemplateCheck.preflight(t, List.of(), List.of("a"), "http://insecure/a.jpg", "two words")))
                .containsExactly("header_media_required", "link_required");
        assertThat(t.link("tari")).isEqualTo("https://comune.example/notizie/tari");
        MessageTemplate plain = template(MessageTemplate.Status.APPROVED);
        assertThat(codes(TemplateCheck.preflight(plain, List.of("a"), List.of("a", "b"), "https://x/y.jpg", "z")))
                .containsExactly("no_media_header", "no_link_button");
    }

    @Test
    void aMediaHeaderHasNoTextAndALinkButtonNeedsHttps() {
        MessageTemplate withText = template(MessageTemplate.Status.APPROVED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> withText.media(MessageTemplate.HeaderFormat.DOCUMENT, null, null))
                .hasMessageContaining("invalid_template_header");
        org.assertj.core.api.Assertions
                .assertThatThrownBy(() -> withText.media(MessageTemplate.HeaderFormat.TEXT, "Apri", "http://x/{{1}}"))
                .hasMessageContaining("invalid_template_buttons");
    }
}
