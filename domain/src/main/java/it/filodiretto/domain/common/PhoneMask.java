package it.filodiretto.domain.common;

/** Phone numbers in logs: country code, first digit and last two only ({@code +39 3** *** **12}). */
public final class PhoneMask {

    private PhoneMask() {
    }

    public static String mask(String number) {
        if (number == null) {
            return "?";
        }
        String digits = number.replaceAll("[^0-9]", "");
        if (digits.length() < 6) {
            return "***";
        }
        String country = digits.startsWith("39") ? "39" : digits.substring(0, Math.min(2, digits.length() - 4));
        String rest = digits.substring(country.length());
        StringBuilder masked = new StringBuilder("+").append(country).append(' ').append(rest.charAt(0));
        int hidden = rest.length() - 3;
        for (int i = 0; i < hidden; i++) {
            masked.append('*');
            if (i == 1 || i == 4) {
                masked.append(' ');
            }
        }
        masked.append(rest, rest.length() - 2, rest.length());
        return masked.toString().replace("  ", " ");
    }
}
