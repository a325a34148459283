package org.exposure.assessor.packaging;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged application (target/quarkus-app) started as a separate process, as an operator would start it, on
 * the database the jar was built for: H2 (a file of the test's own) or PostgreSQL (ASSESSOR_DB_URL and friends,
 * passed in by {@code mvn verify -Ppostgresql}).
 */
final class AppProcess implements AutoCloseable {
    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The test user every request is sent as, given to the jar as -D options like an operator's configuration
     * (plain text is a run-time setting, so the jar built with hashed passwords in mind takes it too).
     */
    static final List<String> TEST_USERS = List.of("-Dquarkus.security.users.embedded.plain-text=true",
            "-Dquarkus.security.users.embedded.users.admin=admin-secret", "-Dquarkus.security.users.embedded.roles.admin=admin");

    final Process process;
    final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int port;
    private String authorization = basic("admin", "admin-secret");

    private AppProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Whether the jar under test was built for PostgreSQL (the postgresql Maven profile). */
    static boolean postgres() {
        return "postgresql".equals(System.getProperty("it.database", "h2"));
    }

    /** Starts the jar with the given -D options and waits until it listens; {@code log} must be a new file. */
    static AppProcess start(Path log, String... options) throws Exception {
        AppProcess app = launch(log, options);
        app.port = app.awaitPort();
        return app;
    }

    /** As {@link #start}, without the test user: no user is configured unless the options configure one. */
    static AppProcess startWithoutUsers(Path log, String... options) throws Exception {
        AppProcess app = launch(false, log, options);
        app.port = app.awaitPort();
        return app;
    }

    /** Sends the following requests as this user (null: without credentials). */
    AppProcess as(String user, String password) {
        authorization = user == null ? null : basic(user, password);
        return this;
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Where the jars under test keep their compiled rules, unless the options say otherwise. */
    static final Path COMPILED_RULES = Path.of("target/it-compiled-rules").toAbsolutePath();

    /** The list extracts the tests start with (the layout of assessor.lists.dir). */
    static final Path LIST_FIXTURES = Path.of("src/test/resources/lists").toAbsolutePath();

    /**
     * Starts the jar without waiting for it: for start-ups that are meant to fail. Unless the options say otherwise
     * (a later -D wins), the jar never reaches a list publisher and starts with the list extracts in force.
     */
    static AppProcess launch(Path log, String... options) throws IOException {
        return launch(true, log, options);
    }

    private static AppProcess launch(boolean testUsers, Path log, String... options) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=0", "-Dquarkus.http.host=127.0.0.1", "-Dassessor.lists.download.enabled=false",
                "-Dassessor.lists.dir=" + LIST_FIXTURES,
                // Not the default under ./data, which is the working copy's own.
                "-Dassessor.rules.compiled.dir=" + COMPILED_RULES));
        if (testUsers) {
            cmd.addAll(TEST_USERS);
        }
        cmd.addAll(List.of(options));
        cmd.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (!postgres()) {
            pb.environment().keySet().removeIf(k -> k.startsWith("ASSESSOR_DB_"));
        }
        return new AppProcess(pb.start(), log);
    }

    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private int awaitPort() throws Exception {
        Pattern listening = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = listening.matcher(output());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (!process.isAlive()) {
                throw new AssertionError("the application stopped:\n" + output());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the application did not start in 120 s:\n" + output());
    }

    /** Polls GET /q/health/ready until it answers 200 (at most {@code seconds}); returns the milliseconds waited. */
    long awaitReady(int seconds) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            if (get("/q/health/ready").statusCode() == 200) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the application stopped:\n" + output());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready after " + seconds + " s: " + get("/q/health/ready").body() + "\n" + output());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(authorized(HttpRequest.newBuilder(uri(path))).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with one more header (e.g. a cookie), as the current user. */
    HttpResponse<String> get(String path, String header, String value) throws Exception {
        return http.send(authorized(HttpRequest.newBuilder(uri(path))).header(header, value).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return MAPPER.readTree(r.body());
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return http.send(authorized(HttpRequest.newBuilder(uri(path))).timeout(Duration.ofSeconds(120)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(authorized(HttpRequest.newBuilder(uri(path))).timeout(Duration.ofSeconds(120)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed; what a crash or an OOM kill does. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
