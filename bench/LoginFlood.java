import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Password-guessing flood against the API (issue #16, item 2), driven by bench/login-flood.sh.
 * Usage: java bench/LoginFlood.java <base-url> <admin-password> [seconds=20] [clients=16]
 * The flood: {@code clients} threads send wrong credentials (half an unknown user, half 'admin' with a wrong
 * password) for {@code seconds}, all with {@code X-Forwarded-For: 198.51.100.7}. Meanwhile, every 250 ms, a
 * legitimate call: (a) "other address": X-Forwarded-For 203.0.113.5, an account whose first call happens during
 * the flood (one PBKDF2), then the same credentials; (b) "same address": the flood's own X-Forwarded-For with
 * credentials verified before the flood. Prints the flood's statuses (401 = hashed and refused, 429 = refused
 * before hashing) and the legitimate calls' latencies (max, p50, p95). The server must trust 127.0.0.1 as a
 * proxy (filodiretto.security.trusted-proxies), which login-flood.sh sets (127.0.0.1 and ::1).
 */
public class LoginFlood {

    static final String FLOOD_ADDRESS = "198.51.100.7";
    static final String OTHER_ADDRESS = "203.0.113.5";

    public static void main(String[] args) throws Exception {
        String base = args[0].endsWith("/") ? args[0] : args[0] + "/";
        String admin = basic("admin", args[1]);
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String legit = "bench-legit-" + Long.toHexString(System.nanoTime());
        String legitPassword = "Citizen-desk-pass-4";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/staff"))
                .header("Authorization", admin).header("Content-Type", "application/json").header("X-Forwarded-For", "192.0.2.1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + legit + "\",\"displayName\":\"Bench\",\"password\":\""
                        + legitPassword + "\",\"roles\":[\"ADMIN\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating the legitimate account: " + created.statusCode() + " " + created.body());
        }
        // (b)'s credentials verified before the flood, from the flood's address
        int warm = get(http, base, admin, FLOOD_ADDRESS).status;
        if (warm != 200) {
            throw new IllegalStateException("warm-up call answered " + warm);
        }

        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> flood = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    String credentials = (n++ + client) % 2 == 0 ? basic("nobody-" + client + "-" + n, "wrong-" + n)
                            : basic("admin", "wrong-password-" + n);
                    try {
                        statuses.computeIfAbsent(get(http, base, credentials, FLOOD_ADDRESS).status, s -> new AtomicLong()).incrementAndGet();
                    } catch (Exception e) {
                        statuses.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
                    }
                }
            });
            t.start();
            flood.add(t);
        }
        List<Long> other = Collections.synchronizedList(new ArrayList<>());
        List<Long> same = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicLong> legitStatuses = new TreeMap<>();
        Thread.sleep(1000); // the flood is under way
        String legitCredentials = basic(legit, legitPassword);
        while (System.nanoTime() < end - 500_000_000L) {
            Result a = get(http, base, legitCredentials, OTHER_ADDRESS);
            other.add(a.millis);
            legitStatuses.computeIfAbsent("other address " + a.status, k -> new AtomicLong()).incrementAndGet();
            Result b = get(http, base, admin, FLOOD_ADDRESS);
            same.add(b.millis);
            legitStatuses.computeIfAbsent("same address " + b.status, k -> new AtomicLong()).incrementAndGet();
            Thread.sleep(250);
        }
        for (Thread t : flood) {
            t.join();
        }
        long total = statuses.values().stream().mapToLong(AtomicLong::get).sum();
        long throttled = statuses.getOrDefault(429, new AtomicLong()).get();
        System.out.printf("flood: %d requests in %d s from %d clients, statuses %s%n", total, seconds, clients, new TreeMap<>(statuses));
        System.out.printf("flood refused before hashing (429): %.1f %%; hashed (401): %d%n", 100.0 * throttled / Math.max(1, total),
                statuses.getOrDefault(401, new AtomicLong()).get());
        System.out.printf("legitimate calls: %s%n", legitStatuses);
        System.out.printf("legitimate, other address (first call hashes): max %d ms, p50 %d ms, p95 %d ms, first %d ms%n",
                max(other), pct(other, 50), pct(other, 95), other.isEmpty() ? -1 : other.get(0));
        System.out.printf("legitimate, flood's address (verified before): max %d ms, p50 %d ms, p95 %d ms%n", max(same), pct(same, 50), pct(same, 95));
    }

    record Result(int status, long millis) {
    }

    static Result get(HttpClient http, String base, String authorization, String forwardedFor) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/staff")).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("X-Forwarded-For", forwardedFor).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        return new Result(r.statusCode(), (System.nanoTime() - t0) / 1_000_000);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    static long pct(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
