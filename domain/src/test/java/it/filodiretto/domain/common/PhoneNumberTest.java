package it.filodiretto.domain.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberTest {

    @Test
    void italianNumbersWithoutPrefixAreNormalisedToE164() {
        assertThat(PhoneNumber.parse("340 123 4567").e164()).isEqualTo("+393401234567");
        assertThat(PhoneNumber.parse("+39 340-123-4567").e164()).isEqualTo("+393401234567");
        assertThat(PhoneNumber.parse("0039 3401234567").e164()).isEqualTo("+393401234567");
        assertThat(PhoneNumber.parse("3401234567").isMobile()).isTrue();
        assertThat(PhoneNumber.parse("3401234567").isItalian()).isTrue();
    }

    @Test
    void otherCountriesNeedTheirPrefixAndAreRecognised() {
        PhoneNumber swiss = PhoneNumber.parse("+41 79 123 45 67");
        assertThat(swiss.e164()).isEqualTo("+41791234567");
        assertThat(swiss.isItalian()).isFalse();
        assertThat(swiss.region()).isEqualTo("CH");
    }

    @Test
    void landLinesAreValidButNotMobile() {
        assertThat(PhoneNumber.parse("0331 390111").isMobile()).isFalse();
    }

    @Test
    void invalidInputIsRefusedWithACode() {
        for (String bad : new String[]{"", "abc", "123", "+39 12", "3".repeat(41), "+999 1234567"}) {
            assertThatThrownBy(() -> PhoneNumber.parse(bad)).as(bad).isInstanceOf(DomainException.class)
                    .hasMessageContaining("invalid_phone");
        }
    }

    @Test
    void numbersCompareByValueAndPrintMasked() {
        assertThat(PhoneNumber.parse("3401234567")).isEqualTo(PhoneNumber.parse("+393401234567"));
        assertThat(PhoneNumber.parse("3401234512").toString()).isEqualTo("+39 3** *** **12").doesNotContain("1234");
        assertThat(PhoneNumber.fromWaId("393401234567").e164()).isEqualTo("+393401234567");
    }
}
