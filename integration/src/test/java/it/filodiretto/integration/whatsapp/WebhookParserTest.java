package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.whatsapp.InboundMessage;
import it.filodiretto.domain.whatsapp.StatusUpdate;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookParserTest {

    private static WebhookParser.Parsed parse(String sample) {
        try (InputStream in = WebhookParserTest.class.getResourceAsStream("/webhooks/" + sample)) {
            JsonObject json = Json.createReader(in).readObject();
            return WebhookParser.parse(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aTextMessageWithItsContactIds() {
        WebhookParser.Parsed parsed = parse("text-message.json");

        assertThat(parsed.messages()).singleElement().satisfies(m -> {
            assertThat(m.messageId()).startsWith("wamid.HBgL");
            assertThat(m.waId()).isEqualTo("393401234567");
            assertThat(m.userId()).isEqualTo("IT.13491208655302741918");
            assertThat(m.type()).isEqualTo("text");
            assertThat(m.text()).isEqualTo("Ciao, ISCRIVIMI");
            assertThat(m.isReply()).isFalse();
            assertThat(m.sentAt().toEpochSecond()).isEqualTo(1749416383L);
        });
        assertThat(parsed.statuses()).isEmpty();
    }

    @Test
    void aContactKnownOnlyByItsBusinessScopedUserId() {
        InboundMessage m = parse("bsuid-only-contact.json").messages().get(0);

        assertThat(m.waId()).isNull();
        assertThat(m.userId()).isEqualTo("IT.99887766554433221100");
        assertThat(m.text()).isEqualTo("orari anagrafe?");
    }

    @Test
    void aFailedStatusWithItsErrorAndADeliveredOne() {
        WebhookParser.Parsed parsed = parse("failed-status.json");

        assertThat(parsed.statuses()).hasSize(2);
        StatusUpdate failed = parsed.statuses().get(0);
        assertThat(failed.wamid()).isEqualTo("wamid.FAILED0001");
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.errorCode()).isEqualTo(131026);
        assertThat(failed.errorTitle()).isEqualTo("Message undeliverable");
        assertThat(failed.recipientId()).isEqualTo("393409999999");
        assertThat(parsed.statuses().get(1).status()).isEqualTo("delivered");
        assertThat(parsed.statuses().get(1).errorCode()).isNull();
    }

    @Test
    void buttonListAndTemplateQuickReplies() {
        WebhookParser.Parsed parsed = parse("interactive-replies.json");

        assertThat(parsed.messages()).extracting(InboundMessage::replyId)
                .containsExactly("consent_accept", "topic_weather", "confirm_subscription");
        assertThat(parsed.messages()).extracting(InboundMessage::replyTitle)
                .containsExactly("Accetto", "Allerte meteo", "Confermo");
        assertThat(parsed.messages()).extracting(InboundMessage::type).containsExactly("interactive", "interactive", "button");
    }

    @Test
    void unknownTypesAreKeptMediaAndLocationsReadAndUnknownFieldsIgnored() {
        WebhookParser.Parsed parsed = parse("unknown-and-media.json");

        assertThat(parsed.messages()).extracting(InboundMessage::type).containsExactly("unsupported", "image", "location");
        assertThat(parsed.messages().get(0).text()).isNull();
        assertThat(parsed.messages().get(1).text()).isEqualTo("buca in via Milano");
        assertThat(parsed.messages().get(2).text()).isEqualTo("Piazza San Giovanni");
        assertThat(parsed.messages().get(0).errorCode()).as("the error Meta attached to the unsupported message").isEqualTo(131051);
        assertThat(parsed.messages().get(0).errorTitle()).isEqualTo("Message type unknown");
        assertThat(parsed.messages().get(1).errorCode()).isNull();
    }

    @Test
    void reactionsAreKeptAsReactionsAndErrorsOfAWholeChangeAreRead() {
        WebhookParser.Parsed parsed = parse("reaction-and-errors.json");

        assertThat(parsed.messages()).extracting(InboundMessage::type).containsExactly("reaction", "reaction");
        assertThat(parsed.messages()).allMatch(InboundMessage::isReaction).noneMatch(InboundMessage::isReply);
        assertThat(parsed.messages().get(0).text()).isEqualTo("\uD83D\uDC4D");
        assertThat(parsed.messages().get(1).text()).as("a reaction taken back").isNull();
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(131000);
            assertThat(e.title()).isEqualTo("Something went wrong");
            assertThat(e.details()).isEqualTo("Unable to process the webhook");
        });
        assertThat(parse("text-message.json").errors()).isEmpty();
    }

    @Test
    void aMarketingOptOut() {
        WebhookParser.Parsed parsed = parse("user-preferences.json");

        assertThat(parsed.preferences()).singleElement().satisfies(p -> {
            assertThat(p.waId()).isEqualTo("393401234567");
            assertThat(p.category()).isEqualTo("marketing_messages");
            assertThat(p.optedOut()).isTrue();
        });
    }

    @Test
    void anEmptyOrStrangeEnvelopeYieldsNothing() {
        WebhookParser.Parsed parsed = WebhookParser.parse(Json.createObjectBuilder().add("entry", "not an array").build());
        assertThat(parsed.messages()).isEmpty();
        assertThat(parsed.statuses()).isEmpty();
    }
}
