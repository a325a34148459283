import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end throughput of a batch job, as a batch screening system sees it: generates N mixed subjects as JSON
 * Lines (60% goods, 30% suppliers with two exports and an owner, 10% banks with a payment and a correspondent),
 * streams them to POST /api/v1/batches without holding them in memory, polls the job until it is done, then reads
 * the results back. With --pid, samples the service's heap with jstat during the job (used = eden + survivors + old;
 * "old after GC" is the old generation's occupancy, the number that would grow if the job's size leaked into memory).
 *
 * Plain JDK, no project classes. Against a started service:
 *   java -Xmx512m -jar target/quarkus-app/quarkus-run.jar &            (H2; or the pg build against PostgreSQL)
 *   java bench/BatchBench.java [--url http://localhost:8080] [--rows 100000] [--pid PID] [--user name:password]
 */
public class BatchBench {
    private static String authorization;

    private static final String[] HS = {"854231", "848210", "610910", "851762", "940360", "903020", "847130", "854232", "853224", "392690"};
    private static final String[] DEST = {"RU", "KZ", "DE", "TR", "BY", "US", "AE", "FR", "KG", "HK"};

    public static void main(String[] args) throws Exception {
        String url = arg(args, "--url", "http://localhost:8080");
        // Every /api/v1 request needs a user: --user name:password (HTTP Basic); a user with the analyst or machine role.
        String user = arg(args, "--user", null);
        authorization = user == null ? null
                : "Basic " + java.util.Base64.getEncoder().encodeToString(user.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int rows = Integer.parseInt(arg(args, "--rows", "100000"));
        String pid = arg(args, "--pid", null);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        long t0 = System.nanoTime();
        HttpResponse<String> created = http.send(request(url + "/api/v1/batches")
                        .header("Content-Type", "application/x-ndjson")
                        .timeout(Duration.ofMinutes(30))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Rows(rows, new Random(42)))).build(),
                HttpResponse.BodyHandlers.ofString());
        long uploaded = System.nanoTime();
        if (created.statusCode() != 202) {
            throw new IllegalStateException("POST /api/v1/batches: " + created.statusCode() + " " + created.body());
        }
        String id = field(created.body(), "id");
        System.out.printf("job %s: %,d rows uploaded and stored in %.1f s%n", id, rows, (uploaded - t0) / 1e9);

        long maxUsed = 0;
        long maxOld = 0;
        String status;
        while (true) {
            status = http.send(request(url + "/api/v1/batches/" + id).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (pid != null) {
                long[] heap = heap(pid);
                maxUsed = Math.max(maxUsed, heap[0]);
                maxOld = Math.max(maxOld, heap[1]);
            }
            String state = field(status, "state");
            if (state.equals("DONE") || state.equals("FAILED") || state.equals("CANCELLED")) {
                break;
            }
            Thread.sleep(500);
        }
        long done = System.nanoTime();
        System.out.printf("job %s: %s after %.1f s from the first byte (%.1f s after the upload)%n", id, field(status, "state"),
                (done - t0) / 1e9, (done - uploaded) / 1e9);
        System.out.printf("  %,d rows/s end to end; status: %s%n", Math.round(rows / ((done - t0) / 1e9)), status);
        if (pid != null) {
            System.out.printf("  service heap during the job: at most %,d MB used, old generation at most %,d MB%n", maxUsed >> 20, maxOld >> 20);
        }
        long r0 = System.nanoTime();
        HttpResponse<InputStream> results = http.send(request(url + "/api/v1/batches/" + id + "/results").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        long outOfOrder = 0;
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(results.body(), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                // Each result starts {"line":N,...}: N must be the input line, 1, 2, 3, ... (no blank lines were sent).
                int end = line.indexOf(',');
                if (!line.startsWith("{\"line\":") || end < 0 || Long.parseLong(line.substring(8, end)) != lines) {
                    outOfOrder++;
                }
            }
        }
        System.out.printf("  results: %,d lines streamed back in %.1f s, %,d not in input order%n", lines,
                (System.nanoTime() - r0) / 1e9, outOfOrder);
    }

    /** [used, old] bytes of the service's heap, from jstat -gc (KB columns S0U S1U EU OU). */
    private static long[] heap(String pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jstat", "-gc", pid).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        String[] lines = out.strip().split("\n");
        if (lines.length < 2) {
            return new long[] {0, 0};
        }
        String[] head = lines[0].trim().split("\\s+");
        String[] vals = lines[1].trim().split("\\s+");
        double used = 0;
        double old = 0;
        for (int i = 0; i < head.length && i < vals.length; i++) {
            switch (head[i]) {
                case "S0U", "S1U", "EU" -> used += Double.parseDouble(vals[i]);
                case "OU" -> {
                    used += Double.parseDouble(vals[i]);
                    old = Double.parseDouble(vals[i]);
                }
                default -> {
                }
            }
        }
        return new long[] {(long) (used * 1024), (long) (old * 1024)};
    }

    /** The JSON Lines body, generated as it is read. */
    private static final class Rows extends InputStream {
        private final int total;
        private final Random random;
        private int next;
        private byte[] line = new byte[0];
        private int pos;

        Rows(int total, Random random) {
            this.total = total;
            this.random = random;
        }

        @Override
        public int read() {
            if (pos == line.length && !advance()) {
                return -1;
            }
            return line[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == line.length && !advance()) {
                return -1;
            }
            int n = Math.min(len, line.length - pos);
            System.arraycopy(line, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean advance() {
            if (next >= total) {
                return false;
            }
            line = (row(next++, random) + "\n").getBytes(StandardCharsets.UTF_8);
            pos = 0;
            return true;
        }
    }

    static String row(int i, Random random) {
        int kind = random.nextInt(10);
        String hs = HS[random.nextInt(HS.length)];
        String dest = DEST[random.nextInt(DEST.length)];
        if (kind < 6) {
            return "{\"type\":\"GOODS\",\"ref\":\"b-" + i + "\",\"hsCode\":\"" + hs + "\",\"destinationCountry\":\"" + dest + "\"}";
        }
        if (kind < 9) {
            return "{\"type\":\"SUPPLIER\",\"ref\":\"b-" + i + "\",\"name\":\"Supplier " + i + " Trading Co., Ltd.\",\"country\":\"CN\","
                    + "\"region\":\"Heilongjiang\",\"owners\":[{\"name\":\"Owner " + i + "\",\"sharePercent\":" + (30 + random.nextInt(70)) + "}],"
                    + "\"exports\":[{\"hsCode\":\"" + hs + "\",\"destinationCountry\":\"" + dest + "\"},"
                    + "{\"hsCode\":\"" + HS[random.nextInt(HS.length)] + "\",\"destinationCountry\":\"KZ\"}]}";
        }
        return "{\"type\":\"BANK\",\"ref\":\"b-" + i + "\",\"name\":\"Regional Bank " + i + "\",\"country\":\"CN\","
                + "\"region\":\"Heilongjiang\",\"russiaPaymentShare\":0." + random.nextInt(10) + ","
                + "\"correspondents\":[{\"name\":\"Correspondent " + i + "\",\"country\":\"RU\"}],"
                + "\"payments\":[{\"amountUsd\":" + (1000 + random.nextInt(900000)) + ",\"hsCodes\":[\"" + hs + "\"],"
                + "\"destinationCountry\":\"" + dest + "\",\"counterparty\":{\"name\":\"Counterparty " + i + "\",\"country\":\"RU\"}}]}";
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String arg(String[] args, String name, String def) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return def;
    }

    /** A request to {@code url}, with the user's credentials when --user was given. */
    private static HttpRequest.Builder request(String url) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        return authorization == null ? b : b.header("Authorization", authorization);
    }
}
