package it.filodiretto.integration.whatsapp;

import java.util.Optional;

/**
 * Whether the sandbox gateway runs, decided once at start-up from what is configured. It is off unless
 * {@code filodiretto.sandbox.enabled=true}; switched on next to a real access token or on a database other than
 * the embedded H2 (both mean "this may be production"), it stays off and the readiness check is DOWN with the
 * reason, unless {@code filodiretto.sandbox.i-know-this-is-not-production=true} too. Its anonymous endpoints write to
 * the database the application uses, so an installation waiting for Meta's approval must not get it by default.
 *
 * @param requested {@code filodiretto.sandbox.enabled}
 * @param active    whether the sandbox runs
 * @param refusal   why a requested sandbox does not run
 */
public record SandboxSwitch(boolean requested, boolean active, Optional<String> refusal) {

    public static final String ENABLED = "filodiretto.sandbox.enabled";
    public static final String NOT_PRODUCTION = "filodiretto.sandbox.i-know-this-is-not-production";

    /**
     * @param requested       {@code filodiretto.sandbox.enabled}
     * @param realAccessToken whether a Cloud API access token is configured
     * @param database        the database product name, or empty when it could not be read (counts as not H2)
     * @param acknowledged    {@code filodiretto.sandbox.i-know-this-is-not-production}
     */
    public static SandboxSwitch decide(boolean requested, boolean realAccessToken, Optional<String> database, boolean acknowledged) {
        if (!requested) {
            return new SandboxSwitch(false, false, Optional.empty());
        }
        if (acknowledged) {
            return new SandboxSwitch(true, true, Optional.empty());
        }
        if (realAccessToken) {
            return refused("a WhatsApp access token (filodiretto.whatsapp.access-token) is configured");
        }
        boolean h2 = database.map(d -> d.toLowerCase(java.util.Locale.ROOT).contains("h2")).orElse(false);
        if (!h2) {
            return refused("the database is " + database.orElse("not readable") + ", not the embedded H2");
        }
        return new SandboxSwitch(true, true, Optional.empty());
    }

    private static SandboxSwitch refused(String why) {
        return new SandboxSwitch(true, false, Optional.of("sandbox refused: " + why + "; it may be production. Set "
                + ENABLED + "=false, or " + NOT_PRODUCTION + "=true if this installation is a test one"));
    }
}
