package it.filodiretto.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What stands before every password check, on the console login and the API alike (docs/security.md):
 * <ol>
 *   <li>progressive delays per (source, account) ({@link ProgressiveDelays}): wrong passwords for an account
 *       from one address delay that address only, so nobody can lock {@code admin} out everywhere;</li>
 *   <li>a budget of password checks per source ({@link SourceBuckets}): a flood of guesses from one address
 *       gets 429 before any PBKDF2 is computed.</li>
 * </ol>
 * Credentials verified a moment ago (see {@code VerifiedCredentials}) cost no hashing and pass both. Counted
 * in memory, per server. Metrics: {@code filodiretto_login_throttled}, {@code filodiretto_login_failures{reason}}.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    @ConfigProperty(name = "filodiretto.staff.login.source-burst", defaultValue = "20")
    int sourceBurst;

    @Inject
    @ConfigProperty(name = "filodiretto.staff.login.source-refill-seconds", defaultValue = "3")
    int sourceRefillSeconds;

    @Inject
    @ConfigProperty(name = "filodiretto.staff.login.max-failures", defaultValue = "5")
    int freeFailures;

    @Inject
    @ConfigProperty(name = "filodiretto.staff.login.first-delay-seconds", defaultValue = "30")
    int firstDelaySeconds;

    @Inject
    @ConfigProperty(name = "filodiretto.staff.login.lockout-minutes", defaultValue = "15")
    int maxDelayMinutes;

    @Inject
    MetricRegistry metrics;

    private SourceBuckets sources;
    private ProgressiveDelays pairs;

    @PostConstruct
    void configure() {
        sources = new SourceBuckets(sourceBurst, Duration.ofSeconds(Math.max(1, sourceRefillSeconds)).toNanos(), System::nanoTime);
        pairs = new ProgressiveDelays(freeFailures, Duration.ofSeconds(Math.max(1, firstDelaySeconds)).toNanos(),
                Duration.ofMinutes(Math.max(1, maxDelayMinutes)).toNanos(), System::nanoTime);
    }

    /**
     * Whether a password check of {@code username} from {@code source} may run now; when not, how long to wait.
     * A granted check must be followed by {@link #checked}.
     */
    public Optional<Duration> admit(String source, String username) {
        String account = normalise(username);
        long wait = pairs.waitFor(source, account);
        if (wait == 0) {
            wait = sources.tryAcquire(source);
        }
        if (wait == 0) {
            return Optional.empty();
        }
        metrics.counter("filodiretto_login_throttled").inc();
        return Optional.of(Duration.ofNanos(wait));
    }

    /** @param failure null when the password was right, else the reason (for the metric) */
    public void checked(String source, String username, String failure) {
        String account = normalise(username);
        if (failure == null) {
            sources.release(source);
            pairs.succeeded(source, account);
        } else {
            metrics.counter("filodiretto_login_failures", new Tag("reason", failure)).inc();
            pairs.failed(source, account);
        }
    }

    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** Whole seconds for a {@code Retry-After} header, at least 1. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
