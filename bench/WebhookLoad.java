import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark helper (not part of the product): posts signed, Meta-shaped status webhooks (by default one status
 * each, as Meta mostly sends them; unique wamids) to a running Filo Diretto for a fixed time with C concurrent
 * clients, as fast as they can or paced at a total rate; prints accepted requests and statuses per second and the
 * acceptance time (p50, p99, max).
 * Usage: java bench/WebhookLoad.java <webhook-url> <app-secret> <seconds> <concurrency> [statuses-per-request=1] [rate=0: unpaced]
 *        [accepted-file: the wamids of every request answered 200 are written there, one per line (the crash test)]
 * With -Dinbound=393330000000 it sends, instead of statuses, one citizen's text message per request (-Dtext, default STOP)
 * from consecutive numbers starting there, and with -Dcount=N at most N requests (bench/stop-storm.sh).
 */
public class WebhookLoad {
    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String secret = args[1];
        int seconds = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        int perRequest = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        double rate = args.length > 5 ? Double.parseDouble(args[5]) : 0;
        java.nio.file.Path acceptedFile = args.length > 6 ? java.nio.file.Path.of(args[6]) : null;
        java.util.concurrent.ConcurrentLinkedQueue<Integer> accepted = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.ConcurrentLinkedQueue<Long> micros = new java.util.concurrent.ConcurrentLinkedQueue<>();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger sequence = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            pool.submit(() -> {
                // a plain HTTP/1.1 keep-alive connection per client, as Meta's senders keep theirs: the generator's own
                // cost per request stays small, so the machine's cores go to the server being measured
                Connection connection = null;
                while (System.nanoTime() < end) {
                    int n = sequence.incrementAndGet();
                    if (n > COUNT) {
                        break;
                    }
                    if (rate > 0) {
                        long due = start + (long) (n / rate * 1e9);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    }
                    byte[] body = payload(n, perRequest).getBytes(StandardCharsets.UTF_8);
                    byte[] head = ("POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                            + "\r\nContent-Type: application/json\r\nX-Hub-Signature-256: " + sign(secret, body)
                            + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                    try {
                        if (connection == null) {
                            connection = new Connection(url);
                        }
                        long t0 = System.nanoTime();
                        int status = connection.exchange(head, body);
                        micros.add((System.nanoTime() - t0) / 1000);
                        (status == 200 ? ok : failed).incrementAndGet();
                        if (status == 200 && acceptedFile != null) {
                            accepted.add(n);
                        }
                        if (connection.closing) {
                            connection.close();
                            connection = null;
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        if (connection != null) {
                            connection.close();
                            connection = null;
                        }
                    }
                }
                if (connection != null) {
                    connection.close();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (acceptedFile != null) {
            StringBuilder lines = new StringBuilder();
            accepted.forEach(n -> {
                for (int i = 0; i < perRequest; i++) {
                    lines.append(wamid(n, i)).append('\n');
                }
            });
            java.nio.file.Files.writeString(acceptedFile, lines);
        }
        System.out.printf("webhook requests accepted: %d in %.1f s = %.0f requests/s (%.0f statuses/s, %d per request%s); refused or failed: %d%n",
                ok.get(), elapsed, ok.get() / elapsed, perRequest * ok.get() / elapsed, perRequest,
                rate > 0 ? String.format(", paced at %.0f/s", rate) : "", failed.get());
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length > 0) {
            System.out.printf("acceptance time: p50 %.1f ms   p99 %.1f ms   max %.1f ms%n", sorted[sorted.length / 2] / 1000.0,
                    sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1000.0, sorted[sorted.length - 1] / 1000.0);
        }
    }

    /** One keep-alive HTTP/1.1 connection: writes a request, reads the status line, headers and Content-Length body. */
    static final class Connection {
        private final java.net.Socket socket;
        private final java.io.OutputStream out;
        private final java.io.InputStream in;

        Connection(URI url) throws java.io.IOException {
            socket = new java.net.Socket(url.getHost(), url.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16_384);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 16_384);
        }

        /** The server said it closes the connection after this answer (its keep-alive limit). */
        boolean closing;

        int exchange(byte[] head, byte[] body) throws java.io.IOException {
            out.write(head);
            out.write(body);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            int length = 0;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                    in.readNBytes(size);
                    line();
                }
                line();
            } else {
                in.readNBytes(length);
            }
            return status;
        }

        private String line() throws java.io.IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b == -1) {
                    throw new java.io.EOFException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (java.io.IOException ignored) {
                // closing anyway
            }
        }
    }

    static final long INBOUND = Long.parseLong(System.getProperty("inbound", "0"));
    static final int COUNT = Integer.getInteger("count", Integer.MAX_VALUE);

    static String payload(int n, int perRequest) {
        if (INBOUND > 0) {
            String from = Long.toString(INBOUND + n - 1);
            return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":"
                    + "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"profile\":{\"name\":\"Bench\"},\"wa_id\":\"" + from + "\"}],"
                    + "\"messages\":[{\"from\":\"" + from + "\",\"id\":\"" + wamid(n, 0) + "\",\"timestamp\":\""
                    + System.currentTimeMillis() / 1000 + "\",\"type\":\"text\",\"text\":{\"body\":\"" + System.getProperty("text", "STOP") + "\"}}]}}]}]}";
        }
        StringBuilder statuses = new StringBuilder();
        for (int i = 0; i < perRequest; i++) {
            if (i > 0) {
                statuses.append(',');
            }
            statuses.append("{\"id\":\"").append(wamid(n, i))
                    .append("\",\"status\":\"delivered\",\"timestamp\":\"1750000000\",\"recipient_id\":\"393400000000\"}");
        }
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"statuses\":[" + statuses + "]}}]}]}";
    }

    static String wamid(int n, int i) {
        return "wamid.BENCH" + RUN + "_" + n + "_" + i;
    }

    /** Distinct wamids in every run, so that a second run on the same data is not taken for repeats. */
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    static String sign(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
