package it.filodiretto.e2e;

import java.util.Random;

/** A citizen on the simulated phone page (/sandbox/phone), as a person uses it. */
final class Phone {

    /** Every number the journeys used: none may appear in the server log. */
    static final java.util.List<String> USED = new java.util.concurrent.CopyOnWriteArrayList<>();

    final String number;
    private final Browser browser;

    Phone(Browser browser) {
        this.browser = browser;
        this.number = "+39347" + (1_000_000 + new Random().nextInt(8_999_999));
        USED.add(number);
        browser.open("sandbox/phone");
        browser.type("#number", number);
        browser.click("#open");
        browser.awaitText("#chat-number", number.substring(3));
    }

    void says(String text) {
        browser.type("#message", text);
        browser.click("#send");
        browser.awaitText("#messages .bubble-in", text);
    }

    /** Waits for a message from the city containing {@code text}; returns its text. */
    String receives(String text) {
        return browser.awaitText("#messages .bubble-out", text);
    }

    void taps(String buttonTitle) {
        browser.clickText("#messages .reply-button", buttonTitle);
    }
}
