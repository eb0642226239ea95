import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark helper (not part of the product): N correctly signed mutations of real Meta webhook payloads (a citizen's
 * text, a button reply, a reaction, statuses with pricing and conversation, a failed status with errors, a batch of
 * statuses) posted to /webhook/whatsapp by C clients. Each mutation applies 1-3 operators at random places: an
 * over-long string (up to 200,000 characters), control characters and odd Unicode, a value of another type, a
 * deleted or added key, an array blown up to 20 elements (one in ten up to 1,000), a value wrapped 1-3,000 levels deep, unreadable
 * numbers, or the body cut short. Prints the answers by HTTP status; any 5xx is a failure (exit 1).
 * Usage: java bench/WebhookFuzz.java <webhook-url> <app-secret> <count> <concurrency> [seed=1]
 */
public class WebhookFuzz {

    static final String[] BASES = {
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\","
            + "\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":"
            + "{\"name\":\"Sheena Nelson\"},\"wa_id\":\"393401234567\"}],\"messages\":[{\"from\":\"393401234567\",\"id\":"
            + "\"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=\",\"timestamp\":\"1749416383\",\"type\":\"text\","
            + "\"text\":{\"body\":\"orari della biblioteca\"}}]},\"field\":\"messages\"}]}]}",
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\","
            + "\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":"
            + "{\"name\":\"Mario\"},\"wa_id\":\"393409876543\"}],\"messages\":[{\"context\":{\"from\":\"15550783881\",\"id\":"
            + "\"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MjQ2RUU0QzQ5QkVGNjlCNkMA\"},\"from\":\"393409876543\",\"id\":"
            + "\"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ5QjQ2MjE2NjY4RjQ1M0U0QwA=\",\"timestamp\":\"1749416400\",\"type\":\"interactive\","
            + "\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"consent:yes\",\"title\":\"Sì, iscrivimi\"}}}]},"
            + "\"field\":\"messages\"}]}]}",
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\","
            + "\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":"
            + "{\"name\":\"Lucia\"},\"wa_id\":\"393405551234\"}],\"messages\":[{\"from\":\"393405551234\",\"id\":"
            + "\"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTZDQjQ0QzdGRTM3MDA3MDZBNwA=\",\"timestamp\":\"1749416500\",\"type\":\"reaction\","
            + "\"reaction\":{\"message_id\":\"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MjQ2RUU0QzQ5QkVGNjlCNkMA\",\"emoji\":\"\\uD83D\\uDC4D\"}}]},"
            + "\"field\":\"messages\"}]}]}",
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\","
            + "\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},\"statuses\":[{\"id\":"
            + "\"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MjQ2RUU0QzQ5QkVGNjlCNkMA\",\"status\":\"delivered\",\"timestamp\":\"1750263773\","
            + "\"recipient_id\":\"393401234567\",\"conversation\":{\"id\":\"CONVERSATION_ID\",\"origin\":{\"type\":\"utility\"}},"
            + "\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"category\":\"utility\",\"type\":\"regular\"}}]},\"field\":\"messages\"}]}]}",
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\","
            + "\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},\"statuses\":[{\"id\":"
            + "\"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBIyRkRFMDNDRTQxNkFEQUU3OUYA\",\"status\":\"failed\",\"timestamp\":\"1750263800\","
            + "\"recipient_id\":\"393401234567\",\"errors\":[{\"code\":131026,\"title\":\"Message undeliverable\",\"message\":"
            + "\"Message undeliverable\",\"error_data\":{\"details\":\"Message Undeliverable.\"}}]}]},\"field\":\"messages\"}]}]}",
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\","
            + "\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},\"statuses\":["
            + "{\"id\":\"wamid.A1\",\"status\":\"sent\",\"timestamp\":\"1750263701\",\"recipient_id\":\"393401111111\"},"
            + "{\"id\":\"wamid.A2\",\"status\":\"read\",\"timestamp\":\"1750263702\",\"recipient_id\":\"393401111112\"},"
            + "{\"id\":\"wamid.A3\",\"status\":\"delivered\",\"timestamp\":\"1750263703\",\"recipient_id\":\"393401111113\"}]},"
            + "\"field\":\"messages\"}]}]}"
    };

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String secret = args[1];
        int count = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ioFailures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            pool.submit(() -> {
                Conn conn = null;
                for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                    byte[] body = mutation(new Random(seed * 1_000_003L + n), n).getBytes(StandardCharsets.UTF_8);
                    try {
                        if (conn == null) {
                            conn = new Conn(url);
                        }
                        int status = conn.post(url.getRawPath(), body, sign(secret, body));
                        answers.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                        if (conn.closing) {
                            conn.close();
                            conn = null;
                        }
                    } catch (Exception e) {
                        ioFailures.incrementAndGet();
                        if (conn != null) {
                            conn.close();
                            conn = null;
                        }
                    }
                }
                if (conn != null) {
                    conn.close();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<Integer, Integer> sorted = new TreeMap<>();
        answers.forEach((k, v) -> sorted.put(k, v.get()));
        long fivexx = sorted.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        System.out.printf(Locale.ROOT, "fuzz: %d signed mutations in %.1f s; answers by status: %s; connection failures: %d; 5xx: %d%n",
                count, seconds, sorted, ioFailures.get(), fivexx);
        System.exit(fivexx == 0 && ioFailures.get() == 0 ? 0 : 1);
    }

    /** A base payload with 1-3 mutations; the wamids and numbers vary so that each is a new event. */
    static String mutation(Random r, int n) {
        String base = BASES[r.nextInt(BASES.length)].replace("wamid.", "wamid.F" + n + "_").replace("39340", "3934" + (n % 10));
        Object tree = new Json(base).value();
        int operators = 1 + r.nextInt(3);
        String cut = null;
        for (int i = 0; i < operators; i++) {
            int op = r.nextInt(10);
            if (op == 9) {
                cut = "cut";
                continue;
            }
            mutate(tree, r, op);
        }
        String text = write(tree);
        return cut == null ? text : text.substring(0, r.nextInt(Math.max(1, text.length())));
    }

    @SuppressWarnings("unchecked")
    static void mutate(Object tree, Random r, int op) {
        List<Object[]> slots = new ArrayList<>(); // {container, key or index}
        collect(tree, slots, 0);
        if (slots.isEmpty()) {
            return;
        }
        Object[] slot = slots.get(r.nextInt(slots.size()));
        Object replacement = switch (op) {
            case 0 -> "x".repeat(r.nextInt(20) > 0 ? 17 + r.nextInt(300) : r.nextInt(200_000));
            case 1 -> odd(r);
            case 2 -> switch (r.nextInt(5)) {
                case 0 -> new Raw("null");
                case 1 -> new Raw(Long.toString(r.nextLong()));
                case 2 -> new LinkedHashMap<String, Object>();
                case 3 -> new ArrayList<>();
                default -> new Raw(r.nextBoolean() ? "true" : "false");
            };
            case 3 -> DELETE;
            case 4 -> {
                if (slot[0] instanceof Map<?, ?> m) {
                    ((Map<String, Object>) m).put("extra" + r.nextInt(1000), odd(r));
                }
                yield null;
            }
            case 5 -> {
                List<Object> many = new ArrayList<>();
                Object value = get(slot);
                for (int i = 0, k = 1 + r.nextInt(r.nextInt(10) > 0 ? 20 : 1000); i < k; i++) {
                    many.add(value);
                }
                yield many;
            }
            case 6 -> {
                Object value = get(slot);
                for (int i = 0, k = 1 + r.nextInt(3000); i < k; i++) {
                    List<Object> wrapper = new ArrayList<>();
                    wrapper.add(value);
                    value = wrapper;
                }
                yield value;
            }
            case 7 -> new Raw(List.of("1e999999999", "-0", "1.0E+400", "99999999999999999999999999999", "0.0000000000000000000001")
                    .get(r.nextInt(5)));
            default -> "";
        };
        if (replacement == null) {
            return;
        }
        if (slot[0] instanceof Map<?, ?> m) {
            if (replacement == DELETE) {
                m.remove(slot[1]);
            } else {
                ((Map<String, Object>) m).put((String) slot[1], replacement);
            }
        } else {
            List<Object> list = (List<Object>) slot[0];
            int index = (Integer) slot[1];
            if (replacement == DELETE) {
                list.remove(index);
            } else {
                list.set(index, replacement);
            }
        }
    }

    static final Object DELETE = new Object();

    static String odd(Random r) {
        String[] pieces = {"\u0000", "\u001f", "\u202e", "\ud83d\ude00", "\uffff", "'; drop table subscriber; --", "<script>alert(1)</script>",
            "%s%n", "${jndi:ldap://x}", "\u00e8\u00e0\u00f9", "\r\n", "STOP", "ISCRIVIMI", " ", "\\"};
        StringBuilder s = new StringBuilder();
        for (int i = 0, k = 1 + r.nextInt(20); i < k; i++) {
            s.append(pieces[r.nextInt(pieces.length)]);
        }
        return s.toString();
    }

    static Object get(Object[] slot) {
        return slot[0] instanceof Map<?, ?> m ? m.get(slot[1]) : ((List<?>) slot[0]).get((Integer) slot[1]);
    }

    /** The places to mutate, down to 40 levels (a value wrapped thousands deep is not walked again). */
    static void collect(Object node, List<Object[]> slots, int depth) {
        if (depth > 40) {
            return;
        }
        if (node instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                slots.add(new Object[] {m, k});
                collect(m.get(k), slots, depth + 1);
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                slots.add(new Object[] {l, i});
                collect(l.get(i), slots, depth + 1);
            }
        }
    }

    /** A number, true, false or null, written as it is. */
    record Raw(String text) {
    }

    static String write(Object node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    static void write(Object node, StringBuilder out) {
        if (node instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string((String) e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (node instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(l.get(i), out);
            }
            out.append(']');
        } else if (node instanceof Raw raw) {
            out.append(raw.text());
        } else {
            string((String) node, out);
        }
    }

    static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** A small JSON reader for the base payloads (well-formed, ours). */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    String k = str();
                    i++; // ':'
                    m.put(k, value());
                    if (s.charAt(i++) == '}') {
                        return m;
                    }
                }
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                if (s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    if (s.charAt(i++) == ']') {
                        return l;
                    }
                }
            }
            if (c == '"') {
                return str();
            }
            int from = i;
            while (i < s.length() && ",}]".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            return new Raw(s.substring(from, i));
        }

        private String str() {
            StringBuilder b = new StringBuilder();
            i++;
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    if (e == 'u') {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    } else {
                        b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            i++;
            return b.toString();
        }
    }

    static String sign(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** One keep-alive HTTP/1.1 connection. */
    static final class Conn {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final String host;
        boolean closing;

        Conn(URI url) throws IOException {
            socket = new Socket(url.getHost(), url.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            out = new BufferedOutputStream(socket.getOutputStream(), 65_536);
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
            host = url.getHost() + ":" + url.getPort();
        }

        int post(String path, byte[] body, String signature) throws IOException {
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\nX-Hub-Signature-256: "
                    + signature + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            int status = Integer.parseInt(line().split(" ")[1]);
            int length = 0;
            boolean chunked = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
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

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c == -1) {
                    throw new EOFException("connection closed");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
