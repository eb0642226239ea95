package it.filodiretto.domain.whatsapp;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboundMessageTest {

    private static OutboundMessage.Choice choice(String id, String title) {
        return new OutboundMessage.Choice(id, title, null);
    }

    @Test
    void replyButtonsWithinMetasLimitsAreBuilt() {
        OutboundMessage.Buttons ok = new OutboundMessage.Buttons("+393401234567", null, "Confermi?", null,
                List.of(choice("yes", "Sì, un operatore"), choice("no", "No, grazie")));
        assertThat(ok.buttons()).hasSize(2);
    }

    @Test
    void replyButtonsBeyondMetasLimitsAreRefusedBeforeSending() {
        List<OutboundMessage.Choice> four = IntStream.range(0, 4).mapToObj(i -> choice("b" + i, "Scelta " + i)).toList();
        assertThatThrownBy(() -> new OutboundMessage.Buttons("+39", null, "x", null, four)).hasMessageContaining("1 to 3");
        assertThatThrownBy(() -> new OutboundMessage.Buttons("+39", null, "x", null, List.of())).hasMessageContaining("1 to 3");
        assertThatThrownBy(() -> new OutboundMessage.Buttons("+39", null, "x", null, List.of(choice("a", "Un titolo troppo lungo per WA"))))
                .hasMessageContaining("20");
        assertThatThrownBy(() -> new OutboundMessage.Buttons("+39", null, "x", null, List.of(choice("a", "Uno"), choice("a", "Due"))))
                .hasMessageContaining("distinct");
        assertThatThrownBy(() -> new OutboundMessage.Buttons("+39", null, "x".repeat(1025), null, List.of(choice("a", "Uno"))))
                .hasMessageContaining("1,024");
    }

    @Test
    void listsKeepToTenRowsAndShortTitles() {
        List<OutboundMessage.Choice> ten = IntStream.range(0, 10).mapToObj(i -> choice("r" + i, "Riga " + i)).toList();
        OutboundMessage.ListMenu ok = new OutboundMessage.ListMenu("+39", null, "Scegli", null, "Argomenti",
                List.of(new OutboundMessage.Section("Argomenti", ten)));
        assertThat(ok.sections().get(0).rows()).hasSize(10);

        List<OutboundMessage.Choice> eleven = IntStream.range(0, 11).mapToObj(i -> choice("r" + i, "Riga " + i)).toList();
        assertThatThrownBy(() -> new OutboundMessage.ListMenu("+39", null, "Scegli", null, "Argomenti",
                List.of(new OutboundMessage.Section("A", eleven)))).hasMessageContaining("at most 10");
        assertThatThrownBy(() -> new OutboundMessage.ListMenu("+39", null, "Scegli", null, "Un'etichetta troppo lunga",
                List.of(new OutboundMessage.Section("A", ten)))).hasMessageContaining("label");
        assertThatThrownBy(() -> new OutboundMessage.ListMenu("+39", null, "Scegli", null, "Argomenti",
                List.of(new OutboundMessage.Section("A", List.of(choice("r", "Un titolo di riga davvero troppo lungo"))))))
                .hasMessageContaining("row title");
    }
}
