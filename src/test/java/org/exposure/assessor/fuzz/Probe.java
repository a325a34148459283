package org.exposure.assessor.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

/**
 * Sends one {@link FuzzInput} to the running service and judges the answer by the properties every answer must
 * have, whatever the input:
 * <ul>
 * <li>no 5xx, except the 503 the service means ({@code /problems/lists-not-loaded}: no list in force while a name
 * needs screening; a client can act on it, and the fuzzer never removes the lists, so it would show up only if an
 * upload broke the lists in force);</li>
 * <li>no stack trace, Java class name or framework wording in the body (unless the input itself holds that text and
 * the body only quotes it back);</li>
 * <li>every 4xx (and the 503) is {@code application/problem+json} with its status, type, title and detail;</li>
 * <li>nothing stored for a rejected input: the rows of the tables the target writes are counted before and after,
 * and an accepted input stores exactly what its status says (one assessment, one job, one list version or none).</li>
 * </ul>
 * The counts are read from the database with plain SQL, because the API lists no held list versions and no batch job
 * that was rejected half-way through its upload: the database is where "nothing half-written" can be seen.
 */
final class Probe {
    static final String USER = "admin";
    static final String PASSWORD = "admin-secret";
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Text that only an internal error puts in a body. */
    private static final List<String> INTERNALS = List.of("Exception", "\tat ", "at org.", "at java.", "org.exposure",
            "com.fasterxml", "jakarta.", "java.lang", "java.util", "io.quarkus", "io.vertx", "org.hibernate",
            "org.h2.", "org.postgresql", "org.jboss", "StackOverflow", "OutOfMemory", "NullPointer", "`",
            // Jackson's own words, which tell a client nothing about its input
            "setterless property", "ALLOW_NON_NUMERIC_NUMBERS", "JsonParser.Feature", "MismatchedInput",
            "Cannot deserialize", "through reference chain");
    /** A qualified Java name: lower-case packages, then a capitalised class. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b[a-z]+\\.[a-z]+\\.[a-z.]*[A-Z]\\w*");

    /** What the service answered; status -1 when it gave no HTTP answer at all. */
    record Answer(int status, String contentType, byte[] body, String location, String failure) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One input's verdict: the answer and what was wrong with it (nothing, for a good answer). */
    record Verdict(FuzzInput input, Answer answer, List<String> violations) {
        boolean ok() {
            return violations.isEmpty();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    Probe(URI base) {
        this.base = base;
    }

    Verdict check(FuzzInput in) {
        List<String> tables = tables(in.target());
        Map<String, Long> before = counts(tables);
        Answer a = send(in);
        Map<String, Long> after = counts(tables);
        return new Verdict(in, a, violations(in, a, before, after));
    }

    /** The tables an input to the target could write to, counted before and after it. */
    static List<String> tables(String target) {
        return switch (target) {
            case "assessments" -> List.of("assessment", "fired_rule", "review_item", "batch_job", "list_version");
            case "batches" -> List.of("batch_job", "batch_chunk", "list_version");
            case "lists" -> List.of("list_version", "list_entry", "batch_job");
            default -> throw new IllegalArgumentException("no such target: " + target);
        };
    }

    Answer send(FuzzInput in) {
        HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(in.path())).timeout(TIMEOUT)
                .header("Authorization", auth())
                .header("Accept", "application/json, application/problem+json");
        in.headers().forEach(r::header);
        byte[] body = in.body();
        r.POST(in.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> resp = http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(resp.statusCode(), resp.headers().firstValue("Content-Type").orElse(null), resp.body(),
                    resp.headers().firstValue("Location").orElse(null), null);
        } catch (IOException e) {
            return new Answer(-1, null, new byte[0], null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A GET, for reading a batch job's state. */
    Answer get(String path) {
        HttpRequest r = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Authorization", auth())
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<byte[]> resp = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(resp.statusCode(), resp.headers().firstValue("Content-Type").orElse(null), resp.body(),
                    null, null);
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String auth() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    static List<String> violations(FuzzInput in, Answer a, Map<String, Long> before, Map<String, Long> after) {
        List<String> v = new ArrayList<>();
        if (a.status() < 0) {
            v.add("no answer: " + a.failure());
            return v;
        }
        String body = a.text();
        String type = problemType(body);
        if (a.status() >= 500 && !(a.status() == 503 && "/problems/lists-not-loaded".equals(type))) {
            v.add("5xx: " + a.status() + " " + Mutator.shortly(body));
        }
        String input = new String(in.body(), StandardCharsets.UTF_8) + " " + gunzipped(in.body()) + " " + in.path()
                + " " + in.headers();
        for (String marker : INTERNALS) {
            if (body.contains(marker) && !input.contains(marker)) {
                v.add("internals: body holds \"" + Mutator.shortly(marker) + "\": " + around(body, marker));
            }
        }
        Matcher qualified = QUALIFIED.matcher(body);
        while (qualified.find()) {
            if (!input.contains(qualified.group())) {
                v.add("internals: body names the class " + qualified.group());
                break;
            }
        }
        if (a.status() >= 400) {
            v.addAll(problemViolations(a));
        }
        if (a.status() >= 200 && a.status() < 300) {
            in.mustRefuse().forEach(why -> v.add("accepted: " + why));
        }
        v.addAll(storedViolations(in, a, before, after));
        return v;
    }

    private static List<String> problemViolations(Answer a) {
        List<String> v = new ArrayList<>();
        String ct = a.contentType() == null ? "" : a.contentType();
        if (!ct.startsWith("application/problem+json")) {
            v.add("not a problem: " + a.status() + " with Content-Type " + (ct.isEmpty() ? "(none)" : ct)
                    + " and a body of " + a.body().length + " bytes");
            return v;
        }
        JsonNode p;
        try {
            p = MAPPER.readTree(a.body());
        } catch (IOException e) {
            v.add("problem: " + a.status() + " body is not JSON");
            return v;
        }
        if (p == null || !p.isObject()) {
            v.add("problem: " + a.status() + " body is not a JSON object");
            return v;
        }
        if (p.path("status").asInt(-1) != a.status()) {
            v.add("problem: status " + p.path("status") + " in the body, " + a.status() + " on the response");
        }
        for (String field : List.of("type", "title", "detail")) {
            if (p.path(field).asText("").isBlank()) {
                v.add("problem: " + a.status() + " without " + field);
            }
        }
        return v;
    }

    private static List<String> storedViolations(FuzzInput in, Answer a, Map<String, Long> before,
            Map<String, Long> after) {
        List<String> v = new ArrayList<>();
        int s = a.status();
        Map<String, Long> expected = new LinkedHashMap<>();
        if (s >= 200 && s < 300) {
            switch (in.target()) {
                case "assessments" -> {
                    if (s != 201) {
                        v.add("accepted with " + s + ", not 201");
                    }
                    expected.put("assessment", 1L);
                    expected.put("batch_job", 0L);
                    expected.put("list_version", 0L);
                }
                case "batches" -> {
                    if (s != 202) {
                        v.add("accepted with " + s + ", not 202");
                    }
                    expected.put("batch_job", 1L);
                    expected.put("list_version", 0L);
                }
                default -> {
                    // 201 a new version, 200 a known one; 202 held, new or (the same file again) known
                    boolean created = createdFlag(a);
                    if (s != 200 && s != 201 && s != 202 || s == 201 && !created || s == 200 && created) {
                        v.add("accepted with " + s + " and created " + created);
                    }
                    expected.put("list_version", created ? 1L : 0L);
                    expected.put("batch_job", 0L);
                }
            }
        } else {
            before.keySet().forEach(t -> expected.put(t, 0L));
        }
        expected.forEach((table, delta) -> {
            long d = after.get(table) - before.get(table);
            if (d != delta) {
                v.add("stored: " + table + " rows " + before.get(table) + " -> " + after.get(table) + " after a " + s
                        + " (expected " + (delta >= 0 ? "+" : "") + delta + ")");
            }
        });
        return v;
    }

    /** The body ungzipped, as text, when it is gzip: the service may quote what it decompressed. */
    private static String gunzipped(byte[] body) {
        if (body.length < 2 || body[0] != (byte) 0x1f || body[1] != (byte) 0x8b) {
            return "";
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0 && out.size() < (1 << 20);) {
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            // a truncated or damaged gzip: what came out before the damage is what the service may quote
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean createdFlag(Answer a) {
        try {
            return MAPPER.readTree(a.body()).path("created").asBoolean(false);
        } catch (IOException e) {
            return false;
        }
    }

    static String problemType(String body) {
        try {
            JsonNode p = MAPPER.readTree(body);
            return p != null && p.isObject() ? p.path("type").asText(null) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String around(String body, String marker) {
        int at = body.indexOf(marker);
        return Mutator.shortly(body.substring(Math.max(0, at - 60), Math.min(body.length(), at + 60)));
    }

    static Map<String, Long> counts(List<String> tables) {
        AgroalDataSource ds = Arc.container().instance(AgroalDataSource.class).get();
        Map<String, Long> n = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String t : tables) {
                try (ResultSet r = st.executeQuery("select count(*) from " + t)) {
                    r.next();
                    n.put(t, r.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count rows", e);
        }
        return n;
    }
}
