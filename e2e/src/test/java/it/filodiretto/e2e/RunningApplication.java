package it.filodiretto.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts Filo Diretto once for all journeys exactly as the README does (run.sh: Payara Micro, embedded H2 and
 * broker, sandbox on), on a fresh work directory, and stops it at the end. The server log is kept in
 * {@code e2e/target/e2e/server.log}.
 */
public final class RunningApplication implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    public static final String ADMIN_PASSWORD = "E2e-Secret-pass-2026";
    static final Path ROOT = Path.of(System.getProperty("e2e.root", "..")).toAbsolutePath().normalize();
    static final Path WORK = Path.of(System.getProperty("e2e.work", "target/e2e")).toAbsolutePath();
    static final int PORT = Integer.getInteger("e2e.port", 18300);

    private static Process server;

    public static String base() {
        return "http://localhost:" + PORT + "/";
    }

    public static Path serverLog() {
        return WORK.resolve("server.log");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (RunningApplication.class) {
            if (server != null) {
                return;
            }
            wipe(WORK.resolve("data"));
            Files.createDirectories(WORK);
            ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("run.sh").toString()).directory(ROOT.toFile())
                    .redirectErrorStream(true).redirectOutput(serverLog().toFile());
            Map<String, String> env = pb.environment();
            env.put("FILODIRETTO_SKIP_BUILD", "1");
            env.put("FILODIRETTO_PORT", String.valueOf(PORT));
            env.put("FILODIRETTO_DATA", WORK.resolve("data").toString());
            env.put("FILODIRETTO_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("FILODIRETTO_CITY_NAME", "Comune di Busto Arsizio");
            // the journeys run at any hour: no quiet hours
            env.put("FILODIRETTO_CAMPAIGNS_QUIET_HOURS", "00:00-00:00");
            env.put("JAVA_OPTS", "-Xmx768m");
            server = pb.start();
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RunningApplication.class.getName(), this);
            awaitReady();
        }
    }

    private static void awaitReady() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.currentTimeMillis() + 240_000;
        while (System.currentTimeMillis() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("run.sh stopped; see " + serverLog());
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base() + "health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.body().contains("database") && ready.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the application was not ready in 240 s; see " + serverLog());
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor();
            server = null;
        }
    }

    private static void wipe(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
