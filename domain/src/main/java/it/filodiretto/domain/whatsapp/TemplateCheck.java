package it.filodiretto.domain.whatsapp;

import it.filodiretto.domain.common.DomainError;

import java.util.ArrayList;
import java.util.List;

/**
 * Pre-flight check of a template message, with WhatsApp's rules, before anything is sent: the template is
 * approved, every parameter is given, none is empty, body parameters carry no line breaks, tabs or more
 * than four consecutive spaces, a header parameter fits 60 characters, and the rendered body fits 1,024.
 * Each problem is a domain error with its arguments.
 */
public final class TemplateCheck {

    public record Problem(DomainError error, Object... arguments) {

        public String code() {
            return error.code();
        }

        public String messageKey() {
            return error.messageKey();
        }
    }

    private TemplateCheck() {
    }

    public static List<Problem> preflight(MessageTemplate template, List<String> headerParameters, List<String> bodyParameters) {
        return preflight(template, headerParameters, bodyParameters, null, null);
    }

    /**
     * With a media header, {@code headerMedia} is the https link of the image or document; with a URL button
     * whose link ends with {{1}}, {@code linkParameter} is that part (no spaces). Neither is allowed otherwise.
     */
    public static List<Problem> preflight(MessageTemplate template, List<String> headerParameters, List<String> bodyParameters,
            String headerMedia, String linkParameter) {
        List<Problem> problems = preflightText(template, headerParameters, bodyParameters);
        if (template == null) {
            return problems;
        }
        boolean media = headerMedia != null && !headerMedia.isBlank();
        if (template.hasMediaHeader() && (!media || !headerMedia.matches("https://\\S+") || headerMedia.length() > 2000)) {
            problems.add(new Problem(DomainError.TEMPLATE_MEDIA_REQUIRED, template.headerFormat()));
        } else if (!template.hasMediaHeader() && media) {
            problems.add(new Problem(DomainError.TEMPLATE_NO_MEDIA_HEADER));
        }
        boolean link = linkParameter != null && !linkParameter.isBlank();
        if (template.needsLinkParameter() && (!link || linkParameter.matches(".*\\s.*") || template.link(linkParameter).length() > 2000)) {
            problems.add(new Problem(DomainError.TEMPLATE_LINK_REQUIRED));
        } else if (!template.needsLinkParameter() && link) {
            problems.add(new Problem(DomainError.TEMPLATE_NO_LINK_BUTTON));
        }
        return problems;
    }

    private static List<Problem> preflightText(MessageTemplate template, List<String> headerParameters, List<String> bodyParameters) {
        List<Problem> problems = new ArrayList<>();
        if (template == null) {
            problems.add(new Problem(DomainError.TEMPLATE_UNKNOWN));
            return problems;
        }
        if (!template.isApproved()) {
            problems.add(new Problem(DomainError.TEMPLATE_NOT_APPROVED, template.name(), template.status()));
        }
        List<String> header = headerParameters == null ? List.of() : headerParameters;
        List<String> body = bodyParameters == null ? List.of() : bodyParameters;
        if (header.size() != template.headerParameterCount()) {
            problems.add(new Problem(DomainError.TEMPLATE_HEADER_COUNT, template.headerParameterCount(), header.size()));
        }
        if (body.size() != template.bodyParameterCount()) {
            problems.add(new Problem(DomainError.TEMPLATE_BODY_COUNT, template.bodyParameterCount(), body.size()));
        }
        for (int i = 0; i < body.size(); i++) {
            String p = body.get(i);
            if (p == null || p.isBlank()) {
                problems.add(new Problem(DomainError.TEMPLATE_EMPTY_PARAMETER, i + 1));
            } else if (p.contains("\n") || p.contains("\t") || p.contains("     ")) {
                problems.add(new Problem(DomainError.TEMPLATE_PARAMETER_FORMAT, i + 1));
            }
        }
        for (int i = 0; i < header.size(); i++) {
            String p = header.get(i);
            if (p == null || p.isBlank()) {
                problems.add(new Problem(DomainError.TEMPLATE_EMPTY_HEADER_PARAMETER, i + 1));
            } else if (p.length() > 60 || p.contains("\n")) {
                problems.add(new Problem(DomainError.TEMPLATE_HEADER_PARAMETER_FORMAT, i + 1));
            }
        }
        String rendered = MessageTemplate.render(template.bodyText(), body);
        if (rendered.length() > 1024) {
            problems.add(new Problem(DomainError.TEMPLATE_BODY_TOO_LONG, rendered.length()));
        }
        return problems;
    }
}
