import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load on one assessment (POST /api/v1/assessments): requests are sent at a fixed rate whatever the
 * service answers, and each latency is counted from the moment the request was due to be sent, not from when it
 * went out. A closed-loop client (one request after the other, like ApiBench) waits for a slow answer before it
 * sends the next request, so the requests a stall would have delayed are never sent and the stall shows once
 * instead of in every request it held up; here they are sent on schedule and each counts its wait.
 *
 * The mix is ApiBench's (60 % goods, 30 % suppliers with three exports, 10 % banks, same generator and seed).
 * Plain JDK, no project classes; start the service first:
 *   java bench/LoadBench.java [--url http://localhost:8080] [--rate 100] [--duration 60] [--warmup 20]
 *       [--user name:password]
 *
 * --rate is requests per second, --duration and --warmup are seconds (the warm-up runs at the same rate and is not
 * counted). The client sends over HTTP/1.1 with as many connections as requests are outstanding (the JDK client's
 * pool), so a slow answer does not hold back the next request. Reports p50/p90/p99/p99.9/max, the rate achieved,
 * the errors, and how late the sender itself was (if the client machine cannot keep the schedule, that shows).
 */
public class LoadBench {
    private static final String[] CHPL = {"854231", "854232", "851762", "853224", "848210", "848220", "901380", "847180", "845961", "903020"};
    private static final String[] OTHER = {"610910", "940360", "870899", "300490", "847130", "392690"};
    private static final String[] DEST = {"KZ", "RU", "DE", "TR", "AE", "US", "HK", "BY", "KG", "FR"};

    public static void main(String[] args) throws Exception {
        String url = arg(args, "--url", "http://localhost:8080") + "/api/v1/assessments";
        String user = arg(args, "--user", null);
        String authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
        double rate = Double.parseDouble(arg(args, "--rate", "100"));
        double duration = Double.parseDouble(arg(args, "--duration", "60"));
        double warmup = Double.parseDouble(arg(args, "--warmup", "20"));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "load-client");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
        Random random = new Random(42);

        long intervalNanos = (long) (1e9 / rate);
        int warmupCount = (int) Math.round(warmup * rate);
        int measuredCount = (int) Math.round(duration * rate);
        int total = warmupCount + measuredCount;
        // Bodies are made before the run, so that the sender's own work does not shift the schedule.
        String[] bodies = new String[total];
        for (int i = 0; i < total; i++) {
            bodies[i] = subject(random, i);
        }

        long[] latencies = new long[measuredCount];
        Arrays.fill(latencies, -1);
        AtomicInteger errors = new AtomicInteger();
        Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();
        AtomicLong maxSendLag = new AtomicLong();
        CountDownLatch done = new CountDownLatch(total);

        long start = System.nanoTime() + 50_000_000L;
        long measuredStart = start + warmupCount * intervalNanos;
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, 1_000_000L));
            }
            long lag = System.nanoTime() - due;
            if (i >= warmupCount && lag > maxSendLag.get()) {
                maxSendLag.set(lag);
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies[i]));
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            int slot = i - warmupCount;
            http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long latency = System.nanoTime() - due;
                if (failure != null || response.statusCode() != 201) {
                    errors.incrementAndGet();
                    // sendAsync wraps the failure: the cause says what it was (a timeout, a refused or reset connection).
                    Throwable cause = failure != null && failure.getCause() != null ? failure.getCause() : failure;
                    String kind = cause != null ? cause.getClass().getSimpleName() : "HTTP " + response.statusCode();
                    errorKinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                } else if (slot >= 0) {
                    latencies[slot] = latency;
                }
                done.countDown();
            });
        }
        long sendEnd = System.nanoTime();
        done.await();
        long end = System.nanoTime();

        long[] ok = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        double sendSeconds = (sendEnd - measuredStart) / 1e9;
        System.out.printf("open loop at %.0f requests/s for %.0f s (after %.0f s warm-up): %d measured, %d errors%s%n",
                rate, duration, warmup, measuredCount, errors.get(), errorKinds.isEmpty() ? "" : " " + errorKinds);
        if (ok.length == 0) {
            return;
        }
        System.out.printf("latency from the intended send time: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                ms(pct(ok, 50)), ms(pct(ok, 90)), ms(pct(ok, 99)), ms(pct(ok, 99.9)), ms(ok[ok.length - 1]));
        System.out.printf("achieved: %.1f requests/s sent, %.1f answered/s (until the last answer); sender at most %.2f ms late%n",
                measuredCount / sendSeconds, ok.length / ((end - measuredStart) / 1e9), ms(maxSendLag.get()));
    }

    /** ApiBench's mix: 60% goods, 30% suppliers with three exports, 10% banks. */
    private static String subject(Random r, int i) {
        int kind = r.nextInt(10);
        if (kind < 6) {
            String hs = r.nextBoolean() ? pick(r, CHPL) : pick(r, OTHER);
            return "{\"type\":\"GOODS\",\"ref\":\"load-g-" + i + "\",\"hsCode\":\"" + hs + "\",\"originCountry\":\"CN\",\"destinationCountry\":\""
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
            return "{\"type\":\"SUPPLIER\",\"ref\":\"load-s-" + i + "\",\"name\":\"Supplier " + i + " Trading Ltd\",\"country\":\"HK\","
                    + "\"incorporatedOn\":\"2023-03-01\",\"lineOfBusiness\":[\"85\"],\"exports\":[" + exports + "]}";
        }
        return "{\"type\":\"BANK\",\"ref\":\"load-b-" + i + "\",\"name\":\"Regional Bank " + i + "\",\"country\":\"CN\",\"region\":\"Heilongjiang\","
                + "\"internationalExposure\":\"LOW\",\"connectedToSpfs\":" + r.nextBoolean() + ",\"russiaPaymentShare\":0.2,"
                + "\"payments\":[{\"counterparty\":{\"name\":\"OOO Vostok\",\"country\":\"RU\"},\"hsCodes\":[\"" + pick(r, CHPL)
                + "\"],\"destinationCountry\":\"RU\",\"amountUsd\":50000,\"date\":\"2024-06-01\"}]}";
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static long pct(long[] sorted, double p) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
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
}
