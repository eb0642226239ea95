package it.filodiretto.domain.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Objects;

/**
 * A phone number validated and normalised to E.164 with libphonenumber. Italian numbers may be written
 * without the country code; other countries need it. Compares by its E.164 form.
 */
public final class PhoneNumber {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "IT";

    private final String e164;
    private final String region;
    private final boolean mobile;

    private PhoneNumber(String e164, String region, boolean mobile) {
        this.e164 = e164;
        this.region = region;
        this.mobile = mobile;
    }

    /** Parses what a person typed ("340 123 4567", "+39 340…", "0039…"); refuses what is not a valid number. */
    public static PhoneNumber parse(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
            throw new DomainException(DomainError.PHONE_INVALID);
        }
        String text = raw.strip();
        if (text.startsWith("00")) {
            text = "+" + text.substring(2);
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(text, DEFAULT_REGION);
            if (!UTIL.isValidNumber(number)) {
                throw new DomainException(DomainError.PHONE_INVALID);
            }
            PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(number);
            boolean mobile = type == PhoneNumberUtil.PhoneNumberType.MOBILE
                    || type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE;
            return new PhoneNumber(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
                    UTIL.getRegionCodeForNumber(number), mobile);
        } catch (NumberParseException e) {
            throw new DomainException(DomainError.PHONE_INVALID);
        }
    }

    /** A WhatsApp id (digits of the E.164 number without '+'). */
    public static PhoneNumber fromWaId(String waId) {
        return parse("+" + waId);
    }

    public String e164() {
        return e164;
    }

    public String waId() {
        return e164.substring(1);
    }

    public String region() {
        return region;
    }

    public boolean isItalian() {
        return DEFAULT_REGION.equals(region);
    }

    public boolean isMobile() {
        return mobile;
    }

    public String masked() {
        return PhoneMask.mask(e164);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber other && other.e164.equals(e164);
    }

    @Override
    public int hashCode() {
        return Objects.hash(e164);
    }

    /** Masked, so that a number never reaches a log by accident. */
    @Override
    public String toString() {
        return masked();
    }
}
