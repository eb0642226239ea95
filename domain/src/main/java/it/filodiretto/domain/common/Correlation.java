package it.filodiretto.domain.common;

/**
 * The correlation id of the work a thread is doing, for the log: {@code webhook-<raw event id>} while a
 * webhook is processed (an answer sent to a citizen carries it), {@code campaign-<id>/delivery-<id>} while a
 * campaign message is sent. Log lines end with it ({@link #tag()}); with the WhatsApp message id they carry,
 * a delivery's send and the status webhooks about it can be followed through the log.
 */
public final class Correlation {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Correlation() {
    }

    /** Sets the id until the scope closes (the previous one comes back). */
    public static Scope open(String id) {
        String previous = CURRENT.get();
        CURRENT.set(id);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** " [id]" or "" when the thread has none. */
    public static String tag() {
        String id = CURRENT.get();
        return id == null ? "" : " [" + id + "]";
    }

    /** A scope that restores the previous correlation id. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
