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
 * Benchmark helper (not part of the product): posts signed, Meta-shaped status webhooks (10 statuses each,
 * unique wamids) to a running Filo Diretto for a fixed time with C concurrent clients; prints accepted
 * requests per second and statuses per second.
 * Usage: java bench/WebhookLoad.java <webhook-url> <app-secret> <seconds> <concurrency>
 */
public class WebhookLoad {
    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String secret = args[1];
        int seconds = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
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
                    byte[] body = payload(sequence.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
                    HttpRequest request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                            .header("X-Hub-Signature-256", sign(secret, body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
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
        System.out.printf("webhook requests accepted: %d in %.1f s = %.0f requests/s (%.0f statuses/s); refused or failed: %d%n",
                ok.get(), elapsed, ok.get() / elapsed, 10 * ok.get() / elapsed, failed.get());
    }

    static String payload(int n) {
        StringBuilder statuses = new StringBuilder();
        for (int i = 0; i < 10; i++) {
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
