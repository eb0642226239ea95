package it.filodiretto.integration.whatsapp;

import it.filodiretto.integration.persistence.DurableCommit;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit for the webhook intake. Request threads hand their verified body over and wait; one writer thread
 * takes whatever has gathered meanwhile (up to {@link #MAX_BATCH}) and stores and queues it in one transaction
 * ({@link WebhookWriter}), makes it durable ({@link DurableCommit}), then releases the waiting requests, which answer
 * 200 only now: what was answered 200 is on disk. Under light load a batch is one webhook and costs what it did;
 * under heavy load one commit serves hundreds. When the database is down or the backlog of waiting requests is full, the request is told so at once
 * (503, which Meta retries) instead of waiting for nothing.
 */
@Singleton // an EJB, not a CDI bean: in the EAR on Payara Server only components have java:comp for the thread factory
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookBatcher {

    private static final Logger LOG = Logger.getLogger(WebhookBatcher.class.getName());
    static final int MAX_BATCH = 250;
    static final int MAX_WAITING = 5_000;

    /** The intake cannot take the webhook now; the sender should try again later. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    private record Pending(String body, CompletableFuture<Long> stored) {
    }

    @Resource
    ManagedThreadFactory threads;

    @Inject
    WebhookWriter writer;

    @Inject
    DurableCommit durable;

    private final BlockingQueue<Pending> waiting = new ArrayBlockingQueue<>(MAX_WAITING);
    private volatile boolean running;
    private Thread thread;

    @PostConstruct
    void start() {
        running = true;
        thread = threads.newThread(this::run);
        thread.setName("webhook-intake-writer");
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(p -> p.stored().completeExceptionally(new Unavailable("shutting down", null)));
    }

    /** Completes with the stored webhook's id once it is committed, or exceptionally with {@link Unavailable}. */
    public CompletableFuture<Long> submit(String body) {
        Pending pending = new Pending(body, new CompletableFuture<>());
        if (!running || !waiting.offer(pending)) {
            pending.stored().completeExceptionally(new Unavailable(running ? "too many webhooks waiting" : "shutting down", null));
        }
        return pending.stored();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !waiting.isEmpty()) {
            try {
                Pending first = waiting.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (running) {
                    continue; // only stop() interrupts for good
                }
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<Long> ids;
        try {
            ids = writer.write(batch.stream().map(Pending::body).toList());
            durable.flush(); // committed is not yet on disk with the embedded H2
        } catch (RuntimeException e) {
            // nothing of the batch is stored (or not surely): each request says so, and Meta sends it again
            LOG.warning(() -> "Could not store " + batch.size() + " webhook(s); answered 503: " + WebhookProcessor.describe(e));
            LOG.log(Level.FINE, "webhook batch", e);
            Unavailable unavailable = new Unavailable("could not store the webhook", e);
            batch.forEach(p -> p.stored().completeExceptionally(unavailable));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).stored().complete(ids.get(i));
        }
    }
}
