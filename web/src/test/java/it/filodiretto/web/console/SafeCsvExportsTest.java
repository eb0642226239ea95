package it.filodiretto.web.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeCsvExportsTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreNeutralised() {
        assertThat(SafeCsvExports.neutralise("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(SafeCsvExports.neutralise("+39 347 1234567")).isEqualTo("'+39 347 1234567");
        assertThat(SafeCsvExports.neutralise("-1+1")).startsWith("'");
        assertThat(SafeCsvExports.neutralise("@SUM(A1)")).startsWith("'");
        assertThat(SafeCsvExports.neutralise("\tcmd")).startsWith("'");
        assertThat(SafeCsvExports.neutralise("orari anagrafe")).isEqualTo("orari anagrafe");
        assertThat(SafeCsvExports.neutralise("")).isEmpty();
    }
}
