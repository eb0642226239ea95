package it.filodiretto.integration.sandbox;

import it.filodiretto.integration.whatsapp.WhatsAppSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Like Meta, reports what happened to each accepted message with signed status webhooks: {@code sent},
 * then {@code delivered}, then (for most) {@code read}, asynchronously and in that order. Statuses that are
 * due are batched, up to {@value #BATCH} per webhook, every {@value #TICK_MS} ms; a webhook that fails is
 * tried again later.
 */
@ApplicationScoped
public class StatusReporter {

    private static final Logger LOG = Logger.getLogger(StatusReporter.class.getName());
    static final int BATCH = 200;
    static final long TICK_MS = 100;

    private record Pending(long dueAt, MetaShapes.Status status, int attempts) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            return Long.compare(dueAt, o.dueAt);
        }
    }

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    WebhookPoster poster;

    @Inject
    SandboxStore store;

    @Inject
    WhatsAppSettings settings;

    @Inject
    @ConfigProperty(name = "filodiretto.sandbox.read-ratio", defaultValue = "0.8")
    double readRatio;

    private final PriorityQueue<Pending> queue = new PriorityQueue<>();
    /** Taken from the queue and being posted: still pending until the application answers. */
    private final List<Pending> posting = new ArrayList<>();
    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::flushSafely, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Schedules the statuses of a message just accepted. */
    public void accepted(String wamid, String digits) {
        long now = System.currentTimeMillis();
        long epoch = now / 1000;
        synchronized (queue) {
            queue.add(new Pending(now + 50, new MetaShapes.Status(wamid, digits, "sent", epoch), 0));
            queue.add(new Pending(now + 400, new MetaShapes.Status(wamid, digits, "delivered", epoch + 1), 0));
            if (ThreadLocalRandom.current().nextDouble() < readRatio) {
                queue.add(new Pending(now + 1500, new MetaShapes.Status(wamid, digits, "read", epoch + 3), 0));
            }
        }
    }

    private void flushSafely() {
        try {
            while (flush()) {
                // keep going while full batches are due
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sandbox status webhooks failed; will retry", e);
        }
    }

    /** @return true when a full batch was sent (more may be due) */
    boolean flush() {
        long now = System.currentTimeMillis();
        List<Pending> due = new ArrayList<>();
        synchronized (queue) {
            while (due.size() < BATCH && !queue.isEmpty() && queue.peek().dueAt() <= now) {
                due.add(queue.poll());
            }
            posting.addAll(due);
        }
        if (due.isEmpty()) {
            return false;
        }
        try {
            return post(due, now);
        } finally {
            synchronized (queue) {
                posting.clear();
            }
        }
    }

    /** Statuses about messages to this number (digits only) not yet answered 200. */
    public int pending(String digits) {
        synchronized (queue) {
            return (int) java.util.stream.Stream.concat(queue.stream(), posting.stream())
                    .filter(p -> digits.equals(p.status().digits())).count();
        }
    }

    private boolean post(List<Pending> due, long now) {
        int status;
        try {
            status = poster.post(MetaShapes.envelope(settings.wabaId(), settings.phoneNumberId(),
                    MetaShapes.statuses(due.stream().map(Pending::status).toList())));
        } catch (RuntimeException e) {
            status = -1;
        }
        if (status / 100 != 2) {
            synchronized (queue) {
                for (Pending p : due) {
                    if (p.attempts() < 20) {
                        queue.add(new Pending(now + 1000L * (1 + p.attempts()), p.status(), p.attempts() + 1));
                    }
                }
            }
            return false;
        }
        store.statuses(due.stream().map(p -> java.util.Map.entry(p.status().wamid(), p.status().status())).toList());
        return due.size() == BATCH;
    }
}
