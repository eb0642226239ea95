import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 */
public class WebhookLoad {
    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String secret = args[1];
        int seconds = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        int perRequest = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        double rate = args.length > 5 ? Double.parseDouble(args[5]) : 0;
        java.util.concurrent.ConcurrentLinkedQueue<Long> micros = new java.util.concurrent.ConcurrentLinkedQueue<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger sequence = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    int n = sequence.incrementAndGet();
                    if (rate > 0) {
                        long due = start + (long) (n / rate * 1e9);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    }
                    byte[] body = payload(n, perRequest).getBytes(StandardCharsets.UTF_8);
                    HttpRequest request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                            .header("X-Hub-Signature-256", sign(secret, body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    try {
                        long t0 = System.nanoTime();
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        micros.add((System.nanoTime() - t0) / 1000);
                        (status == 200 ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("webhook requests accepted: %d in %.1f s = %.0f requests/s (%.0f statuses/s, %d per request%s); refused or failed: %d%n",
                ok.get(), elapsed, ok.get() / elapsed, perRequest * ok.get() / elapsed, perRequest,
                rate > 0 ? String.format(", paced at %.0f/s", rate) : "", failed.get());
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length > 0) {
            System.out.printf("acceptance time: p50 %.1f ms   p99 %.1f ms   max %.1f ms%n", sorted[sorted.length / 2] / 1000.0,
                    sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1000.0, sorted[sorted.length - 1] / 1000.0);
        }
    }

    static String payload(int n, int perRequest) {
        StringBuilder statuses = new StringBuilder();
        for (int i = 0; i < perRequest; i++) {
            if (i > 0) {
                statuses.append(',');
            }
            statuses.append("{\"id\":\"wamid.BENCH").append(n).append('_').append(i)
                    .append("\",\"status\":\"delivered\",\"timestamp\":\"1750000000\",\"recipient_id\":\"393400000000\"}");
        }
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"statuses\":[" + statuses + "]}}]}]}";
    }

    static String sign(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
