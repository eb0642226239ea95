package it.filodiretto.domain.consent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordsTest {

    private final Keywords keywords = Keywords.defaults();

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "STOP|STOP",
            "stop|STOP",
            "  Stop!!  |STOP",
            "Stop.|STOP",
            "cancellami|STOP",
            "Cancella   iscrizione|STOP",
            "DISATTIVA 👋|STOP",
            "iscrivimi|SUBSCRIBE",
            "Iscrivimi!|SUBSCRIBE",
            "ATTIVA|SUBSCRIBE",
            "start|SUBSCRIBE",
            "argomenti?|TOPICS",
            "Quartiere|AREA",
            "Privacy|PRIVACY",
            "aiuto|HELP",
            "Help?|HELP",
            "info|HELP"
    })
    void aWholeMessageMatchesItsCommand(String message, Keywords.Command expected) {
        assertThat(keywords.match(message)).contains(expected);
    }

    @Test
    void accentsAreIgnored() {
        Keywords withAccent = Keywords.configured(Map.of(Keywords.Command.HELP, "AIUTO,PIÙ INFO"));
        assertThat(withAccent.match("piu info")).contains(Keywords.Command.HELP);
        assertThat(withAccent.match("Più Info!")).contains(Keywords.Command.HELP);
    }

    @Test
    void dataSubjectRequestsAreCommandsDistinctFromStop() {
        assertThat(keywords.match("I miei dati?")).contains(Keywords.Command.MY_DATA);
        assertThat(keywords.match("cancella i miei dati")).contains(Keywords.Command.ERASE_MY_DATA);
        assertThat(keywords.match("Diritto all'oblio")).contains(Keywords.Command.ERASE_MY_DATA);
        assertThat(keywords.match("cancellami")).contains(Keywords.Command.STOP);
        assertThat(keywords.match("dove trovo i miei dati catastali")).isEmpty();
    }

    @Test
    void aKeywordInsideASentenceIsNotACommand() {
        assertThat(keywords.match("non voglio che mi diciate stop")).isEmpty();
        assertThat(keywords.match("stop alla raccolta dei rifiuti?")).isEmpty();
        assertThat(keywords.match("")).isEmpty();
        assertThat(keywords.match(null)).isEmpty();
        assertThat(keywords.match("!!!")).isEmpty();
    }

    @Test
    void configuredKeywordsReplaceTheDefaultsOfTheirCommandOnly() {
        Keywords custom = Keywords.configured(Map.of(Keywords.Command.STOP, "FERMA, BASTA COSI"));
        assertThat(custom.match("ferma")).contains(Keywords.Command.STOP);
        assertThat(custom.match("basta così")).contains(Keywords.Command.STOP);
        assertThat(custom.match("stop")).isEmpty();
        assertThat(custom.match("iscrivimi")).contains(Keywords.Command.SUBSCRIBE);
    }
}
