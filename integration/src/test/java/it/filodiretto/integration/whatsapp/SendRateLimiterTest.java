package it.filodiretto.integration.whatsapp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SendRateLimiterTest {

    @Test
    void noOneSecondWindowEverHoldsMoreThanTheCeilingWhateverTheNumberOfSenders() throws Exception {
        SendRateLimiter limiter = new SendRateLimiter();
        limiter.reset(20);
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        ExecutorService senders = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            done.add(senders.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    limiter.acquire();
                    times.add(System.nanoTime());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        senders.shutdown();
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        assertThat(sorted).hasSize(60);
        assertThat(maxInAnySecond(sorted)).isLessThanOrEqualTo(20);
    }

    @Test
    void throughputReachedHalvesTheRateWhichThenClimbsBack() throws Exception {
        SendRateLimiter limiter = new SendRateLimiter();
        limiter.reset(100);
        limiter.slowDown();
        assertThat(limiter.effectiveRate()).isEqualTo(50);
        limiter.slowDown();
        assertThat(limiter.effectiveRate()).as("one halving per half second, not per refusal").isEqualTo(50);
        Thread.sleep(1_100);
        limiter.acquire();
        assertThat(limiter.effectiveRate()).isEqualTo(55);
        assertThat(limiter.ceiling()).isEqualTo(100);
    }

    @Test
    void zeroMeansNoCeiling() throws Exception {
        SendRateLimiter limiter = new SendRateLimiter();
        limiter.reset(0);
        for (int i = 0; i < 10_000; i++) {
            limiter.acquire();
        }
        assertThat(limiter.ceiling()).isZero();
    }

    static int maxInAnySecond(List<Long> sorted) {
        int max = 0;
        int start = 0;
        for (int end = 0; end < sorted.size(); end++) {
            while (sorted.get(end) - sorted.get(start) >= TimeUnit.SECONDS.toNanos(1)) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }
}
