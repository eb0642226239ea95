package it.filodiretto.web.campaign;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WhatsAppPreviewTest {

    @Test
    void whatsAppFormatting() {
        assertThat(WhatsAppPreview.html("*Allerta* _arancione_ ~ieri~ ```codice```"))
                .isEqualTo("<strong>Allerta</strong> <em>arancione</em> <del>ieri</del> <code>codice</code>");
        assertThat(WhatsAppPreview.html("riga 1\nriga 2")).isEqualTo("riga 1<br/>riga 2");
    }

    @Test
    void whatWasTypedStaysText() {
        assertThat(WhatsAppPreview.html("<script>alert('x')</script> *<img src=x onerror=alert(1)>*"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; <strong>&lt;img src=x onerror=alert(1)&gt;</strong>")
                .doesNotContain("<script").doesNotContain("<img");
    }

    @Test
    void lonelyMarkersAndWordInnerUnderscoresAreLeftAlone() {
        assertThat(WhatsAppPreview.html("3 * 4 = 12, file_name_here, * spaced *")).isEqualTo("3 * 4 = 12, file_name_here, * spaced *");
    }
}
