package it.filodiretto.domain.staff;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for ten minutes, that a username and password matched a stored PBKDF2 hash, so that API
 * clients sending HTTP Basic on every request do not pay a full PBKDF2 (a quarter of a second of CPU at
 * 120,000 iterations; measured as a fifth of the dispatch benchmark's CPU while a script polled the API) each
 * time. Only an HMAC of the credentials under a key that lives in memory is kept, together with the hash it
 * matched: a password change (new hash) invalidates it at once; lock-out and disabling are checked on every
 * request as before.
 */
@ApplicationScoped
public class VerifiedCredentials {

    private static final long TTL_NANOS = 10L * 60 * 1_000_000_000;
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(String passwordHash, long expires) {
    }

    private final byte[] key = new byte[32];
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    public VerifiedCredentials() {
        new SecureRandom().nextBytes(key);
    }

    /** Whether these credentials were verified against exactly this stored hash, recently. */
    public boolean matches(String username, String password, String storedHash) {
        Entry entry = verified.get(fingerprint(username, password));
        return entry != null && entry.expires() - System.nanoTime() > 0 && entry.passwordHash().equals(storedHash);
    }

    /**
     * Whether these credentials (username as typed, normalised here) were verified recently against some hash;
     * no database, no hashing: lets the login throttles wave through a client that proved its password a
     * moment ago. {@link #matches} still decides, against the current hash.
     */
    public boolean remembers(String rawUsername, String password) {
        if (rawUsername == null || password == null) {
            return false;
        }
        Entry entry = verified.get(fingerprint(rawUsername.strip().toLowerCase(java.util.Locale.ROOT), password));
        return entry != null && entry.expires() - System.nanoTime() > 0;
    }

    public void remember(String username, String password, String storedHash) {
        if (verified.size() >= MAX_ENTRIES) {
            long now = System.nanoTime();
            verified.values().removeIf(e -> e.expires() - now <= 0);
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(fingerprint(username, password), new Entry(storedHash, System.nanoTime() + TTL_NANOS));
    }

    private String fingerprint(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
