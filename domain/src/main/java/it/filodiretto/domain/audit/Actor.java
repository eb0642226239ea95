package it.filodiretto.domain.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who did something: a staff username, {@code citizen:<pseudonymous id>} or {@code system}. Never a phone
 * number: citizens are named by their subscriber id.
 */
public final class Actor {

    private static final Pattern ALLOWED = Pattern.compile("[\\p{Alnum}._@:+-]{1,200}");
    public static final Actor SYSTEM = new Actor("system");
    public static final Actor ANONYMOUS = new Actor("anonymous");

    private final String name;

    private Actor(String name) {
        this.name = name;
    }

    public static Actor staff(String username) {
        return new Actor(sanitize(username));
    }

    public static Actor citizen(long subscriberId) {
        return new Actor("citizen:" + subscriberId);
    }

    /** Rebuilds an actor read back from storage. */
    public static Actor of(String stored) {
        return new Actor(sanitize(stored));
    }

    /** Whatever a client typed as a username is kept only in a harmless, bounded form. */
    private static String sanitize(String raw) {
        if (raw == null || raw.isBlank()) {
            return "anonymous";
        }
        String trimmed = raw.strip();
        if (trimmed.length() > 200) {
            trimmed = trimmed.substring(0, 200);
        }
        return ALLOWED.matcher(trimmed).matches() ? trimmed : trimmed.replaceAll("[^\\p{Alnum}._@:+-]", "_");
    }

    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Actor other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
