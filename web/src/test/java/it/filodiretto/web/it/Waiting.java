package it.filodiretto.web.it;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import java.time.Duration;

/**
 * Waiting for what the server does asynchronously (JMS, webhooks, the dispatch clock). Awaitility, checking at once
 * and then every 100 ms, in the test's own thread: the conditions call the server's beans and data source.
 */
final class Waiting {

    private Waiting() {
    }

    /** {@code Waiting.atMost(ofSeconds(15)).until(() -> ...)}; fails with a timeout when the condition stays false. */
    static ConditionFactory atMost(Duration limit) {
        return Awaitility.await().atMost(limit).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100));
    }
}
