package org.exposure.assessor.fuzz;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One target fuzzed for a while: inputs made one after another, each from its own random state (the run's seed, the
 * target and the input's number), so that a finding is reproduced from those three alone; each answer judged by
 * {@link Probe}; findings written out. Also waits for the batch jobs the run queued, and judges how they ended.
 */
final class Fuzzing {
    /** The tag of the fuzz tests: run by {@code -Pfuzz} only, never by the default suite. */
    static final String TAG = "fuzz";
    /** Findings written per kind of finding (the same bug found a thousand times needs one file, not a thousand). */
    static final int FILES_PER_KIND = 3;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final String target;
    final long seed;
    final Probe probe;
    long tried;
    final Map<Integer, Integer> statuses = new TreeMap<>();
    final Map<String, Integer> kinds = new LinkedHashMap<>();
    final List<Path> files = new ArrayList<>();
    final List<String> jobs = new ArrayList<>();
    final List<String> jobFailures = new ArrayList<>();

    Fuzzing(String target, long seed, URI base) {
        this.target = target;
        this.seed = seed;
        this.probe = new Probe(base);
    }

    /** The random state of input {@code i}: independent of every other input, so one can be made again alone. */
    static long inputSeed(long seed, String target, long i) {
        long h = seed * 0x9E3779B97F4A7C15L + target.hashCode();
        return h * 31 + i * 0xBF58476D1CE4E5B9L;
    }

    void run(Duration budget, long maxInputs, BiFunction<Inputs, Mutator, FuzzInput> make, Inputs inputs) {
        Instant end = Instant.now().plus(budget);
        for (long i = 0; i < maxInputs && Instant.now().isBefore(end); i++) {
            Mutator m = new Mutator(inputSeed(seed, target, i));
            FuzzInput in = make.apply(inputs, m);
            Probe.Verdict v = probe.check(in);
            tried++;
            statuses.merge(v.answer().status(), 1, Integer::sum);
            if (in.target().equals("batches") && v.answer().status() == 202) {
                jobs.add(jobId(v.answer()));
            }
            if (!v.ok()) {
                String kind = kind(v);
                int seen = kinds.merge(kind, 1, Integer::sum);
                if (seen <= FILES_PER_KIND) {
                    files.add(Cases.write(v, seed, i));
                }
            }
        }
    }

    /** What kind of finding this is: the status and each violation without its details. */
    static String kind(Probe.Verdict v) {
        List<String> parts = new ArrayList<>();
        for (String s : v.violations()) {
            String[] w = s.split("[: ]+");
            parts.add(switch (w[0]) {
                case "no" -> "no answer " + w[2];
                case "5xx" -> "5xx " + w[1];
                case "internals" -> s.contains("\"") ? "internals " + s.substring(s.indexOf('"'), s.indexOf('"', s.indexOf('"') + 1) + 1)
                        : "internals class";
                case "not" -> "not a problem (" + s.replaceAll(".*Content-Type (.*) and a body.*", "$1") + ")";
                case "stored" -> "stored " + w[1];
                case "accepted" -> s.startsWith("accepted:") ? "accepted " + refusalKind(s.substring(10)) : s;
                default -> s;
            });
        }
        return v.answer().status() + " " + String.join(" | ", new java.util.LinkedHashSet<>(parts));
    }

    /** A reason of {@link Refusals} without its field and value, so that one bug makes one kind of finding. */
    private static String refusalKind(String why) {
        for (String kind : List.of("the key", "the unknown field", "a number as the date", "the date", "a name of",
                "russiaPaymentShare", "sharePercent", "a negative amount")) {
            if (why.startsWith(kind)) {
                return kind.equals("the key") ? "a key twice" : kind.equals("the date") ? "an absurd date" : kind;
            }
        }
        return why;
    }

    static String jobId(Probe.Answer a) {
        try {
            return MAPPER.readTree(a.body()).path("id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a 202 without a job in its body", e);
        }
    }

    /**
     * Waits until every job the run queued has finished, then checks that none FAILED: a bad row never stops a job,
     * and an accepted upload has nothing left to break. Returns false when the wait ran out.
     */
    boolean awaitJobs(Duration max) {
        Instant end = Instant.now().plus(max);
        List<String> open = new ArrayList<>(jobs);
        while (!open.isEmpty() && Instant.now().isBefore(end)) {
            String id = open.get(0);
            JsonNode job = status(id);
            String state = job.path("state").asText();
            if (List.of("DONE", "FAILED", "CANCELLED").contains(state)) {
                open.remove(0);
                if (state.equals("FAILED")) {
                    jobFailures.add(id + ": " + job.path("failure").asText());
                } else if (state.equals("DONE") && job.path("assessed").asLong() + job.path("rejected").asLong()
                        != job.path("rowsRead").asLong()) {
                    // every row read is either assessed or rejected: none lost, none counted twice
                    jobFailures.add(id + ": DONE with " + job.path("rowsRead") + " rows read but "
                            + job.path("assessed") + " assessed and " + job.path("rejected") + " rejected");
                }
            } else {
                sleep();
            }
        }
        return open.isEmpty();
    }

    private JsonNode status(String id) {
        Probe.Answer a = probe.get(Inputs.BATCHES + "/" + id);
        try {
            return MAPPER.readTree(a.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("job " + id + ": " + a.status() + " " + a.text(), e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("fuzz %s: seed %d, %d inputs tried, statuses %s, %d finding(s)%n", target, seed, tried,
                statuses, kinds.values().stream().mapToInt(Integer::intValue).sum()));
        kinds.forEach((k, n) -> s.append(String.format("  %5d x %s%n", n, k)));
        jobFailures.forEach(f -> s.append("  job FAILED ").append(f).append('\n'));
        files.forEach(f -> s.append("  written ").append(f).append('\n'));
        return s.toString();
    }

    boolean clean() {
        return kinds.isEmpty() && jobFailures.isEmpty();
    }
}
