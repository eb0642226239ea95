package it.filodiretto.web.security;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttles that stand before every password check (docs/security.md), on a hand-driven clock. */
class LoginThrottlingTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);

    @Test
    void aFloodFromOneSourceIsRefusedBeforeHashingAfterTheBurstWhileOtherSourcesAreNot() {
        SourceBuckets buckets = new SourceBuckets(20, 3 * SECOND, clock::get);
        int granted = 0;
        for (int i = 0; i < 1000; i++) {
            if (buckets.tryAcquire("198.51.100.7") == 0) {
                granted++;
            }
        }
        assertThat(granted).as("hashes a flood of 1000 parallel guesses may cost").isEqualTo(20);
        assertThat(buckets.tryAcquire("198.51.100.7")).as("wait for the next token").isBetween(1L, 3 * SECOND);
        assertThat(buckets.tryAcquire("203.0.113.5")).as("another source").isZero();

        clock.addAndGet(3 * SECOND);
        assertThat(buckets.tryAcquire("198.51.100.7")).as("one token every 3 s").isZero();
        assertThat(buckets.tryAcquire("198.51.100.7")).isPositive();
    }

    @Test
    void rightPasswordsGiveTheirTokenBack() {
        SourceBuckets buckets = new SourceBuckets(2, 60 * SECOND, clock::get);
        for (int i = 0; i < 10; i++) {
            assertThat(buckets.tryAcquire("10.1.1.1")).isZero();
            buckets.release("10.1.1.1");
        }
    }

    @Test
    void failuresDelayOnlyThatSourceForThatAccountProgressively() {
        ProgressiveDelays delays = new ProgressiveDelays(5, 30 * SECOND, 900 * SECOND, clock::get);
        for (int i = 0; i < 4; i++) {
            assertThat(delays.failed("198.51.100.7", "admin")).isZero();
        }
        assertThat(delays.failed("198.51.100.7", "admin")).isEqualTo(30 * SECOND);
        assertThat(delays.waitFor("198.51.100.7", "admin")).isEqualTo(30 * SECOND);
        assertThat(delays.waitFor("203.0.113.5", "admin")).as("admin from another address").isZero();
        assertThat(delays.waitFor("198.51.100.7", "duty")).as("another account from that address").isZero();

        clock.addAndGet(30 * SECOND);
        assertThat(delays.waitFor("198.51.100.7", "admin")).isZero();
        assertThat(delays.failed("198.51.100.7", "admin")).as("twice as long").isEqualTo(60 * SECOND);
        for (int i = 0; i < 10; i++) {
            delays.failed("198.51.100.7", "admin");
        }
        assertThat(delays.waitFor("198.51.100.7", "admin")).as("capped").isEqualTo(900 * SECOND);

        delays.succeeded("198.51.100.7", "admin");
        assertThat(delays.waitFor("198.51.100.7", "admin")).isZero();
    }

    @Test
    void retryAfterIsInWholeSecondsRoundedUp() {
        assertThat(LoginThrottle.retryAfterSeconds(java.time.Duration.ofMillis(1))).isEqualTo(1);
        assertThat(LoginThrottle.retryAfterSeconds(java.time.Duration.ofMillis(2001))).isEqualTo(3);
    }
}
