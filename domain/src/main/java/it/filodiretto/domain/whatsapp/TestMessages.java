package it.filodiretto.domain.whatsapp;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.PhoneNumber;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An administrator's test send of a template to one number (to check a template or the connection),
 * through the same gateway and pre-flight checks as every broadcast. Audited without the number.
 */
@Stateless
public class TestMessages {

    @Inject
    TemplateRegistry templates;

    @Inject
    WhatsAppGateway gateway;

    @Inject
    AuditTrail audit;

    public SendResult sendTemplate(String rawNumber, String name, String language, List<String> header, List<String> body,
            String actor) {
        PhoneNumber to = PhoneNumber.parse(rawNumber);
        MessageTemplate template = templates.checked(name, language, header, body);
        SendResult result = gateway.send(new OutboundMessage.Template(to.e164(), template.name(), template.language(),
                header, body, List.of()), template.category());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("template", template.name());
        details.put("accepted", result instanceof SendResult.Accepted);
        if (result instanceof SendResult.Refused refused) {
            details.put("errorClass", refused.errorClass());
            details.put("code", refused.code());
        }
        audit.record(Actor.staff(actor), AuditAction.WHATSAPP_TEST_SENT, "template", template.name() + ":" + template.language(), details);
        return result;
    }
}
