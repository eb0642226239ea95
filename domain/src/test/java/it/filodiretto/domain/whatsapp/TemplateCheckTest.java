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
        assertThat(TemplateCheck.preflight(template(MessageTemplate.Status.APPROVED), List.of("rossa"), List.of("rossa", "neve"))).isEmpty();
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
        assertThat(MessageTemplate.render("Ciao {{1}}, {{2}}! {{3}}", List.of("Anna", "benvenuta"))).isEqualTo("Ciao Anna, benvenuta! {{3}}");
        assertThat(MessageTemplate.render("costo {{1}}", List.of("$5 \\ €"))).isEqualTo("costo $5 \\ €");
    }
}
