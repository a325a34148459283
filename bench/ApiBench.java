import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Measures the assessor through its HTTP API, as a client sees it: the latency of one assessment
 * (POST /api/v1/assessments, sequential) and the time of a batch (POST /api/v1/assessments/batch).
 * Every request stores its assessments, so this measures rules, JSON and the database together.
 *
 * Run against a started service (no project classes needed, plain JDK):
 *   java bench/ApiBench.java [--url http://localhost:8080] [--single 2000] [--batches 10] [--batch-size 1000] [--warmup 500]
 *       [--user name:password]
 */
public class ApiBench {
    private static String authorization;

    private static final String[] CHPL = {"854231", "854232", "851762", "853224", "848210", "848220", "901380", "847180", "845961", "903020"};
    private static final String[] OTHER = {"610910", "940360", "870899", "300490", "847130", "392690"};
    private static final String[] DEST = {"KZ", "RU", "DE", "TR", "AE", "US", "HK", "BY", "KG", "FR"};

    public static void main(String[] args) throws Exception {
        String url = arg(args, "--url", "http://localhost:8080");
        // Every /api/v1 request needs a user: --user name:password (HTTP Basic); a user with the analyst or machine role.
        String user = arg(args, "--user", null);
        authorization = user == null ? null
                : "Basic " + java.util.Base64.getEncoder().encodeToString(user.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int single = Integer.parseInt(arg(args, "--single", "2000"));
        int batches = Integer.parseInt(arg(args, "--batches", "10"));
        int batchSize = Integer.parseInt(arg(args, "--batch-size", "1000"));
        int warmup = Integer.parseInt(arg(args, "--warmup", "500"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Random random = new Random(42);

        for (int i = 0; i < warmup; i++) {
            post(http, url + "/api/v1/assessments", subject(random, i), 201);
        }
        for (int i = 0; i < 2; i++) {
            post(http, url + "/api/v1/assessments/batch", batch(random, batchSize), 200);
        }

        long[] singles = new long[single];
        long start = System.nanoTime();
        for (int i = 0; i < single; i++) {
            String body = subject(random, i);
            long t0 = System.nanoTime();
            post(http, url + "/api/v1/assessments", body, 201);
            singles[i] = System.nanoTime() - t0;
        }
        double singleSeconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(singles);
        System.out.printf("single assessment, %d sequential requests: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, %.0f requests/s%n",
                single, ms(pct(singles, 50)), ms(pct(singles, 90)), ms(pct(singles, 99)), ms(singles[single - 1]), single / singleSeconds);

        if (batches == 0) {
            return;
        }
        long[] times = new long[batches];
        for (int b = 0; b < batches; b++) {
            String body = batch(random, batchSize);
            long t0 = System.nanoTime();
            post(http, url + "/api/v1/assessments/batch", body, 200);
            times[b] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        double mean = Arrays.stream(times).average().orElse(0);
        System.out.printf("batch of %d mixed subjects, %d requests: median %.0f ms, min %.0f ms, max %.0f ms, %.0f subjects/s at the median%n",
                batchSize, batches, ms(pct(times, 50)), ms(times[0]), ms(times[batches - 1]), batchSize / (pct(times, 50) / 1e9));
        System.out.printf("(mean batch %.0f ms; body of one batch about %d kB)%n", ms((long) mean), batch(new Random(1), batchSize).length() / 1024);
    }

    private static String batch(Random random, int size) {
        List<String> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            items.add(subject(random, i));
        }
        return "{\"subjects\":[" + String.join(",", items) + "]}";
    }

    /** A mix close to a screening file: 60% goods, 30% suppliers with three exports, 10% banks. */
    private static String subject(Random r, int i) {
        int kind = r.nextInt(10);
        if (kind < 6) {
            String hs = r.nextBoolean() ? pick(r, CHPL) : pick(r, OTHER);
            return "{\"type\":\"GOODS\",\"ref\":\"bench-g-" + i + "\",\"hsCode\":\"" + hs + "\",\"originCountry\":\"CN\",\"destinationCountry\":\""
                    + pick(r, DEST) + "\",\"noReexportClause\":" + r.nextBoolean() + "}";
        }
        if (kind < 9) {
            StringBuilder exports = new StringBuilder();
            for (int e = 0; e < 3; e++) {
                if (e > 0) {
                    exports.append(',');
                }
                exports.append("{\"hsCode\":\"").append(pick(r, CHPL)).append("\",\"destinationCountry\":\"").append(pick(r, DEST))
                        .append("\",\"consignee\":{\"name\":\"Consignee ").append(e).append("\",\"country\":\"KZ\",\"kind\":\"")
                        .append(r.nextBoolean() ? "FREIGHT_FORWARDER" : "MANUFACTURER").append("\"},\"valueUsd\":")
                        .append(1000 + r.nextInt(100000)).append(",\"endUseStatement\":").append(r.nextBoolean()).append('}');
            }
            return "{\"type\":\"SUPPLIER\",\"ref\":\"bench-s-" + i + "\",\"name\":\"Supplier " + i + " Trading Ltd\",\"country\":\"HK\","
                    + "\"incorporatedOn\":\"2023-03-01\",\"lineOfBusiness\":[\"85\"],\"exports\":[" + exports + "]}";
        }
        return "{\"type\":\"BANK\",\"ref\":\"bench-b-" + i + "\",\"name\":\"Regional Bank " + i + "\",\"country\":\"CN\",\"region\":\"Heilongjiang\","
                + "\"internationalExposure\":\"LOW\",\"connectedToSpfs\":" + r.nextBoolean() + ",\"russiaPaymentShare\":0.2,"
                + "\"payments\":[{\"counterparty\":{\"name\":\"OOO Vostok\",\"country\":\"RU\"},\"hsCodes\":[\"" + pick(r, CHPL)
                + "\"],\"destinationCountry\":\"RU\",\"amountUsd\":50000,\"date\":\"2024-06-01\"}]}";
    }

    private static void post(HttpClient http, String url, String body, int expected) throws Exception {
        HttpResponse<String> response = http.send(request(url)
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** A request to {@code url}, with the user's credentials when --user was given. */
    private static HttpRequest.Builder request(String url) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        return authorization == null ? b : b.header("Authorization", authorization);
    }
}
