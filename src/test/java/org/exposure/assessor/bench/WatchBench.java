package org.exposure.assessor.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * From a new SDN version to every event of the changes feed, against a started service whose OFAC SDN list in force
 * is the given files, with N stored parties. It stores the parties first (suppliers with four owners each, five
 * parties per subject, through a batch job), some of them named like SDN entries; then uploads a new SDN version
 * with 50 changed entries: 25 added (named like stored subjects, some misspelt), 15 whose remarks gain the EO 14114
 * secondary-sanctions remark (10 of them matched by stored subjects), 10 removed (5 matched); and measures the time
 * until the subjects touched are found (the change set's monitoring state leaves PENDING), until their job is done,
 * and the events the feed then holds, by type.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *   org.exposure.assessor.bench.WatchBench --url http://localhost:8080 --user admin:PASSWORD \
 *   --sdn DIR/ofac/sdn_2024-05-03.csv --alt DIR/ofac/alt_2025-12_watchman.csv --add DIR/ofac/add_2025-12_watchman.csv \
 *   --parties 100000 [--no-seed]
 * </pre>
 * --no-seed skips storing the parties (a second run against the same database measures the change alone again);
 * --seed-only stores them and stops.
 */
public final class WatchBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CSVFormat SDN = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
    private static final String REMARK = "Secondary sanctions risk: section 11 of Executive Order 14024.";
    private static final int PARTIES_PER_SUBJECT = 5;

    private static final String[] SYLLABLES = {"vel", "tra", "kon", "mir", "sta", "lin", "dor", "zen", "pro", "gal",
            "ser", "tek", "nov", "bal", "rus", "kor", "tam", "lex", "vin", "dal", "mar", "sib", "ural", "zhong", "hua",
            "xin", "tai", "ken", "sol", "ark"};
    private static final String[] FORMS = {"LLC", "Ltd", "GmbH", "JSC", "Co., Ltd.", "Trading LLC", "Holding AG",
            "OOO", "Industrial Co.", "S.A."};
    private static final String[] FIRST = {"Ivan", "Olga", "Wei", "Li", "Anna", "Timur", "Aigerim", "Hans", "Maria",
            "Dmitri", "Jun", "Nurlan", "Elena", "Pierre", "Giulia", "Sergei", "Mei", "Arman", "Lukas", "Zarina"};
    private static final String[] LAST = {"Petrov", "Zhang", "Nazarbayeva", "Muller", "Rossi", "Kuznetsov", "Wang",
            "Abenov", "Dubois", "Novak", "Chen", "Sidorova", "Omarov", "Weber", "Liu", "Kaminski", "Ismailov",
            "Fischer", "Huang", "Volkova"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String authorization;

    private WatchBench(String url, String user) {
        this.url = url;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        String url = arg(args, "--url", "http://localhost:8080");
        String user = arg(args, "--user", null);
        if (user == null) {
            throw new IllegalArgumentException("--user name:password (an admin) is required");
        }
        int parties = Integer.parseInt(arg(args, "--parties", "100000"));
        boolean seed = !List.of(args).contains("--no-seed");
        // --seed-only: store the parties and stop (see run)
        Path sdn = Path.of(arg(args, "--sdn", "sdn.csv"));
        Path alt = Path.of(arg(args, "--alt", "alt.csv"));
        Path add = Path.of(arg(args, "--add", "add.csv"));
        new WatchBench(url, user).run(parties, seed, Files.readString(sdn, StandardCharsets.ISO_8859_1),
                Files.readAllBytes(alt), Files.readAllBytes(add), args);
    }

    private void run(int parties, boolean seed, String sdnText, byte[] alt, byte[] add, String[] args) throws Exception {
        List<CSVRecord> sdn = SDN.parse(new StringReader(sdnText.replace("\u001a", ""))).getRecords();
        Random random = new Random(11);
        // 15 entities of the list that stored subjects will be named like: 10 to change, 5 to remove.
        List<CSVRecord> entities = new ArrayList<>();
        for (CSVRecord r : sdn) {
            if (r.size() > 2 && r.get(2).trim().equals("-0-") && r.get(1).length() > 12 && random.nextInt(20) == 0) {
                entities.add(r);
            }
            if (entities.size() == 15 + 15) {
                break;
            }
        }
        List<CSVRecord> listedNamed = entities.subList(0, 15);
        List<CSVRecord> otherEntries = entities.subList(15, 30);
        int subjects = parties / PARTIES_PER_SUBJECT;
        List<String> generated = new ArrayList<>();
        Random names = new Random(42);
        for (int i = 0; i < 25; i++) {
            generated.add(company(names) + " " + i);
        }
        if (seed) {
            seed(subjects, listedNamed, generated);
        }
        if (List.of(args).contains("--seed-only")) {
            return;
        }

        // The new version: 25 added, 15 with the remark added, 10 removed.
        Map<String, String> remark = new HashMap<>();
        listedNamed.subList(0, 10).forEach(r -> remark.put(r.get(0), REMARK));
        otherEntries.subList(0, 5).forEach(r -> remark.put(r.get(0), REMARK));
        List<String> removed = new ArrayList<>();
        listedNamed.subList(10, 15).forEach(r -> removed.add(r.get(0)));
        otherEntries.subList(5, 10).forEach(r -> removed.add(r.get(0)));
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, SDN.builder().setRecordSeparator("\r\n").get())) {
            for (CSVRecord r : sdn) {
                if (removed.contains(r.get(0))) {
                    continue;
                }
                List<String> values = new ArrayList<>(r.toList());
                if (remark.containsKey(r.get(0))) {
                    String old = values.get(11).trim();
                    values.set(11, old.equals("-0-") ? REMARK : old + " " + REMARK);
                }
                p.printRecord(values);
            }
            for (int i = 0; i < generated.size(); i++) {
                // Every fifth misspelt by one letter: the matcher should still bring it close.
                String name = i % 5 == 0 ? generated.get(i).replaceFirst("a", "e") : generated.get(i);
                p.printRecord(String.valueOf(990000 + i), name.toUpperCase(java.util.Locale.ROOT), "-0- ",
                        "RUSSIA-EO14024", "-0- ", "-0- ", "-0- ", "-0- ", "-0- ", "-0- ", "-0- ", REMARK);
            }
        }
        long cursor = Long.parseLong(get("/api/v1/changes?limit=1000").get("next").asText());
        while (true) {
            JsonNode page = get("/api/v1/changes?limit=1000&since=" + cursor);
            if (page.get("events").isEmpty()) {
                break;
            }
            cursor = Long.parseLong(page.get("next").asText());
        }

        long t0 = System.nanoTime();
        JsonNode version = upload(out.toString().getBytes(StandardCharsets.ISO_8859_1), alt, add);
        long uploaded = System.nanoTime();
        String versionId = version.get("version").get("id").asText();
        System.out.printf("new SDN version %s stored and in force in %.1f s%n", versionId, (uploaded - t0) / 1e9);

        JsonNode changes;
        while (true) {
            changes = get("/api/v1/lists/OFAC-SDN/versions/" + versionId + "/changes?size=1");
            String state = changes.path("monitoring").path("state").asText("PENDING");
            if (!state.equals("PENDING")) {
                break;
            }
            Thread.sleep(20);
        }
        long found = System.nanoTime();
        JsonNode monitoring = changes.get("monitoring");
        System.out.printf("changes: %s%n", changes.get("counts"));
        System.out.printf("touched subjects found %.1f s after the upload began (scan on the server: %s ms over %s "
                        + "stored parties; %s subjects touched)%n", (found - t0) / 1e9, monitoring.path("scanMillis"),
                monitoring.path("partiesCompared"), monitoring.path("subjectsTouched"));
        String job = monitoring.path("job").asText(null);
        if (job != null) {
            while (!get("/api/v1/batches/" + job).get("state").asText().equals("DONE")) {
                Thread.sleep(50);
            }
        }
        long done = System.nanoTime();
        Map<String, Integer> byType = new LinkedHashMap<>();
        int events = 0;
        while (true) {
            JsonNode page = get("/api/v1/changes?limit=1000&since=" + cursor);
            for (JsonNode e : page.get("events")) {
                byType.merge(e.get("type").asText(), 1, Integer::sum);
                events++;
            }
            if (page.get("events").isEmpty()) {
                break;
            }
            cursor = Long.parseLong(page.get("next").asText());
        }
        System.out.printf("re-assessment job %s done %.1f s after the upload began; %d events: %s%n", job,
                (done - t0) / 1e9, events, byType);
    }

    /** Stores the subjects: a supplier named like a listed entity, or generated, each with four owners. */
    private void seed(int subjects, List<CSVRecord> listed, List<String> generated) throws Exception {
        Random random = new Random(7);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < subjects; i++) {
            String name;
            if (i < listed.size()) {
                name = listed.get(i).get(1);
            } else if (i < listed.size() + generated.size()) {
                name = generated.get(i - listed.size());
            } else {
                name = company(random) + " " + i;
            }
            ObjectNode s = JSON.createObjectNode();
            s.put("type", "SUPPLIER");
            s.put("ref", "WB-" + i);
            s.put("name", name);
            s.put("country", random.nextBoolean() ? "CN" : "AE");
            ArrayNode owners = s.putArray("owners");
            for (int o = 0; o < PARTIES_PER_SUBJECT - 1; o++) {
                ObjectNode owner = owners.addObject();
                owner.put("name", o % 2 == 0 ? company(random) + " " + i + "-" + o : person(random));
                owner.put("sharePercent", 20);
            }
            body.writeBytes(JSON.writeValueAsBytes(s));
            body.write('\n');
        }
        long t0 = System.nanoTime();
        HttpResponse<String> created = http.send(request("/api/v1/batches").header("Content-Type", "application/x-ndjson")
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 202) {
            throw new IllegalStateException("POST /api/v1/batches: " + created.statusCode() + " " + created.body());
        }
        String job = JSON.readTree(created.body()).get("id").asText();
        while (!get("/api/v1/batches/" + job).get("state").asText().equals("DONE")) {
            Thread.sleep(500);
        }
        System.out.printf("stored %,d subjects (%,d parties) in %.1f s%n", subjects, subjects * PARTIES_PER_SUBJECT,
                (System.nanoTime() - t0) / 1e9);
    }

    private JsonNode upload(byte[] sdn, byte[] alt, byte[] add) throws IOException, InterruptedException {
        String boundary = "bench" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "sdn", sdn);
        part(body, boundary, "alt", alt);
        part(body, boundary, "add", add);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> r = http.send(request("/api/v1/lists/OFAC-SDN")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("upload: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
                + ".csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            JsonNode n = JSON.readTree(in);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + n);
            }
            return n;
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", authorization)
                .timeout(Duration.ofMinutes(2));
    }

    private static String company(Random r) {
        StringBuilder s = new StringBuilder();
        int n = 2 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
            s.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        }
        s.setCharAt(0, Character.toUpperCase(s.charAt(0)));
        return s + " " + FORMS[r.nextInt(FORMS.length)];
    }

    private static String person(Random r) {
        return FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)];
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
