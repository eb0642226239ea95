package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.whatsapp.MessageCategory;
import it.filodiretto.domain.whatsapp.MessageTemplate;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateSyncTest {

    @Test
    void metasTemplateListIsReadIntoRegistryEntries() throws Exception {
        JsonObject page;
        try (InputStream in = TemplateSyncTest.class.getResourceAsStream("/cloud-api/message-templates.json")) {
            page = Json.createReader(in).readObject();
        }

        List<TemplateSync.Listed> listed = TemplateSync.parse(page);

        assertThat(listed).extracting(TemplateSync.Listed::name).containsExactly("allerta_meteo", "conferma_iscrizione", "volantino");
        TemplateSync.Listed alert = listed.get(0);
        assertThat(alert.header()).isEqualTo("Allerta meteo {{1}}");
        assertThat(alert.body()).isEqualTo("Allerta *{{1}}* per {{2}}.");
        assertThat(alert.footer()).isEqualTo("Protezione civile");
        assertThat(alert.status()).isEqualTo(MessageTemplate.Status.APPROVED);
        assertThat(listed.get(1).quickReplies()).containsExactly("Confermo", "Non sono io");
        assertThat(listed.get(1).status()).as("IN_APPEAL is not sendable").isEqualTo(MessageTemplate.Status.PENDING);
        assertThat(listed.get(2).header()).as("media headers are not text").isNull();
        assertThat(listed.get(2).category()).isEqualTo(MessageCategory.MARKETING);
        assertThat(listed.get(2).status()).isEqualTo(MessageTemplate.Status.PAUSED);
    }
}
