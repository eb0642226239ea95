package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.whatsapp.ErrorClass;
import it.filodiretto.domain.whatsapp.OutboundMessage;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudApiAnswersTest {

    @Test
    void anAcceptedMessageYieldsItsWamid() {
        assertThat(CloudApiSender.wamidOrThrow(200,
                "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"39340\",\"wa_id\":\"39340\"}],"
                        + "\"messages\":[{\"id\":\"wamid.ABC\",\"message_status\":\"accepted\"}]}"))
                .isEqualTo("wamid.ABC");
    }

    @Test
    void errorsAreClassifiedFromMetasErrorJson() {
        assertThatThrownBy(() -> CloudApiSender.wamidOrThrow(503, ""))
                .isInstanceOf(ApiError.Transient.class);
        assertThatThrownBy(() -> CloudApiSender.wamidOrThrow(400,
                "{\"error\":{\"message\":\"Message undeliverable\",\"type\":\"OAuthException\",\"code\":131026}}"))
                .isInstanceOfSatisfying(ApiError.Final.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ErrorClass.PERMANENT);
                    assertThat(e.code()).isEqualTo(131026);
                    assertThat(e.getMessage()).isEqualTo("Message undeliverable");
                });
        assertThatThrownBy(
                () -> CloudApiSender.wamidOrThrow(401, "{\"error\":{\"message\":\"Error validating access token\",\"code\":190}}"))
                .isInstanceOfSatisfying(ApiError.Final.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.STOP_EVERYTHING));
        assertThatThrownBy(() -> CloudApiSender.wamidOrThrow(429, "not json at all"))
                .isInstanceOf(ApiError.Transient.class);
        assertThatThrownBy(() -> CloudApiSender.wamidOrThrow(200, "{}"))
                .isInstanceOf(ApiError.Final.class);
    }

    @Test
    void templatePayloadHasMetasShape() {
        JsonObject json = Payloads.of(new OutboundMessage.Template("+393401234567", "allerta_meteo", "it",
                List.of("arancione"), List.of("arancione", "temporali"), List.of()));

        assertThat(json.getString("messaging_product")).isEqualTo("whatsapp");
        assertThat(json.getString("to")).isEqualTo("393401234567");
        assertThat(json.getString("type")).isEqualTo("template");
        JsonObject template = json.getJsonObject("template");
        assertThat(template.getString("name")).isEqualTo("allerta_meteo");
        assertThat(template.getJsonObject("language").getString("code")).isEqualTo("it");
        assertThat(template.getJsonArray("components").toString())
                .isEqualTo("[{\"type\":\"header\",\"parameters\":[{\"type\":\"text\",\"text\":\"arancione\"}]},"
                        + "{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"arancione\"},{\"type\":\"text\",\"text\":\"temporali\"}]}]");
    }

    @Test
    void interactiveButtonsPayloadHasMetasShape() {
        JsonObject json = Payloads.of(new OutboundMessage.Buttons("+393401234567", null, "Accetti?", "footer",
                List.of(new OutboundMessage.Choice("yes", "Accetto", null), new OutboundMessage.Choice("no", "Non accetto", null))));

        assertThat(json.getString("type")).isEqualTo("interactive");
        JsonObject interactive = json.getJsonObject("interactive");
        assertThat(interactive.getString("type")).isEqualTo("button");
        assertThat(interactive.getJsonObject("action").getJsonArray("buttons").getJsonObject(1).getJsonObject("reply").getString("id"))
                .isEqualTo("no");
        assertThat(interactive.getJsonObject("footer").getString("text")).isEqualTo("footer");
        assertThat(interactive.containsKey("header")).isFalse();
    }

    @Test
    void phoneNumbersAreMaskedInLogs() {
        assertThat(it.filodiretto.domain.common.PhoneMask.mask("+393401234512")).isEqualTo("+39 3** *** **12");
    }

    @Test
    void aTemplateWithAnImageHeaderAndALinkButton() {
        JsonObject json = Payloads.of(new OutboundMessage.Template("+393401234567", "avviso_con_immagine", "it", List.of(), List.of("TARI"),
                List.of(), it.filodiretto.domain.whatsapp.MessageTemplate.HeaderFormat.IMAGE, "https://comune.example/tari.jpg",
                "tari-2027", 0));
        String components = json.getJsonObject("template").getJsonArray("components").toString();
        assertThat(components).contains(
                "{\"type\":\"header\",\"parameters\":[{\"type\":\"image\",\"image\":{\"link\":\"https://comune.example/tari.jpg\"}}]}")
                .contains(
                        "{\"type\":\"button\",\"sub_type\":\"url\",\"index\":\"0\",\"parameters\":[{\"type\":\"text\",\"text\":\"tari-2027\"}]}");
    }
}
