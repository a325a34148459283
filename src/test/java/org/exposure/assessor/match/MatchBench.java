package org.exposure.assessor.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.exposure.assessor.testsupport.Matching;

/**
 * Matcher benchmark, in process, no Quarkus. By default it imports every list snapshot of the shared data snapshots
 * (the directory given by {@code -Dsnapshots.dir}) with
 * the project's importers (OFAC SDN with alt and add, the US CSL, the UN list, the OpenSanctions full export) into one
 * {@link NameIndex}, as the service holds them ({@code -Dbench.lists=sdn}: the SDN file and alt.csv only), and prints
 * each import's time, the index build time and the heap used after GC. It then screens a mix of exact listed names,
 * misspelt names (one letter changed, dropped or doubled) and random non-matching names, on one thread and on two,
 * and prints p50/p99 latency per name, names per second and the CPU time of the querying threads. Targets:
 * p99 under 2 ms, at least 5,000 names/s. Not a test. Run from the project root after {@code mvn test-compile}:
 * <pre>
 *   java -Dsnapshots.dir=DIR -cp target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *       org.exposure.assessor.match.MatchBench [queries, default 30000]
 * </pre>
 * {@code -Dbench.cap=N} sets the candidate cap, {@code -Dbench.build-threads=N} normalises the names of the index on
 * N threads (the service uses one per core; the index is the same), {@code -Dbench.slowest=1} lists the 15 slowest
 * names and {@code -Dbench.misses=1} every exact name that found no match. Wall-clock latency includes time the thread waited
 * for a core, hence the CPU time.
 * <p>
 * Measured 2026-12-01 on the idle 2-core build machine, all snapshots (30,134 entries, 69,856 distinct normalised
 * names), threshold 0.86, cap 25, two runs: two threads 5,532 and 5,648 names/s, p50 0.26 ms, p99 1.10 ms; one
 * thread 2,361 and 3,197 names/s (the first run still warming up), p99 1.13-1.82 ms; CPU 0.31-0.41 ms per name.
 * Matches: exact 10,000/10,000, misspelt 9,066/10,000, random 17/10,000. Import 4.6 s, index 3.2-3.6 s, 84 MB of
 * heap after GC. bench/README.md ("MatchBench") keeps the numbers, docs/matching.md the accuracy.
 */
public final class MatchBench {

    private MatchBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        boolean all = !"sdn".equals(System.getProperty("bench.lists", "all"));
        long t0 = System.nanoTime();
        List<MatchCandidate> entries = new ArrayList<>();
        if (all) {
            for (SharedData.Imported i : SharedData.allImported()) {
                System.out.printf(Locale.ROOT, "import %-40s %9d bytes %6d entries %7.0f ms%n", i.label(), i.bytes(),
                        i.candidates().size(), i.nanos() / 1e6);
                entries.addAll(i.candidates());
            }
        } else {
            entries = SharedData.sdnWithAliases();
        }
        long t1 = System.nanoTime();
        int cap = Integer.getInteger("bench.cap", Matching.CANDIDATE_CAP);
        int buildThreads = Integer.getInteger("bench.build-threads", 1);
        NameIndex index = NameIndex.build(entries, new NameNormalizer(), Matching.THRESHOLD, cap, buildThreads);
        long t2 = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        System.gc();
        Thread.sleep(200);
        System.gc();
        long heap = rt.totalMemory() - rt.freeMemory();
        int aliases = entries.stream().mapToInt(e -> e.aliases().size()).sum();
        System.out.printf(Locale.ROOT, "%s: entries %d, aliases %d, distinct normalised names %d, tokens %d; candidate cap %d%n",
                all ? "all lists" : "SDN and alt.csv", entries.size(), aliases, index.nameCount(), index.tokenCount(), cap);
        System.out.printf(Locale.ROOT, "read %.0f ms, index build %.0f ms (%d thread%s), heap used after GC %.1f MB (JVM, data and index)%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, buildThreads, buildThreads == 1 ? "" : "s", heap / 1048576.0);

        List<String> queries = queries(entries, n, new Random(2024));
        run(index, queries.subList(0, Math.min(5000, queries.size())), 1, false); // warm-up
        run(index, queries, 1, true);
        run(index, queries, 2, true);
        // Again after the queries: what the index keeps from them (its per-token memo of neighbours) counts too.
        System.gc();
        Thread.sleep(200);
        System.gc();
        System.out.printf(Locale.ROOT, "heap used after GC after the queries %.1f MB%n",
                (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
    }

    static List<String> queries(List<MatchCandidate> entries, int n, Random rnd) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            MatchCandidate e = entries.get(rnd.nextInt(entries.size()));
            String name = e.aliases().isEmpty() || rnd.nextBoolean() ? e.primaryName()
                    : e.aliases().get(rnd.nextInt(e.aliases().size()));
            switch (i % 3) {
                case 0 -> out.add(name);
                case 1 -> out.add(misspell(name, rnd));
                default -> out.add(randomName(rnd));
            }
        }
        return out;
    }

    private static String misspell(String s, Random rnd) {
        StringBuilder b = new StringBuilder(s);
        int p = rnd.nextInt(b.length());
        switch (rnd.nextInt(3)) {
            case 0 -> b.setCharAt(p, (char) ('A' + rnd.nextInt(26)));
            case 1 -> b.deleteCharAt(p);
            default -> b.insert(p, b.charAt(p));
        }
        return b.toString();
    }

    private static String randomName(Random rnd) {
        String vowels = "AEIOU";
        String cons = "BCDFGHJKLMNPRSTVWZ";
        StringBuilder b = new StringBuilder();
        int words = 2 + rnd.nextInt(2);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                b.append(' ');
            }
            int syl = 2 + rnd.nextInt(2);
            for (int k = 0; k < syl; k++) {
                b.append(cons.charAt(rnd.nextInt(cons.length()))).append(vowels.charAt(rnd.nextInt(vowels.length())));
            }
        }
        return b.toString();
    }

    private static void run(NameIndex index, List<String> queries, int threads, boolean print) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long[] lat = new long[queries.size()];
        long[] cpu = new long[queries.size()];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long[][] matched = new long[threads][3]; // by query kind: i % 3 = exact, misspelt, random
        long start = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            fs.add(pool.submit(() -> {
                for (int i = id; i < queries.size(); i += threads) {
                    long c = mx.getCurrentThreadCpuTime();
                    long a = System.nanoTime();
                    List<Match> m = index.match(MatchQuery.of(queries.get(i)));
                    lat[i] = System.nanoTime() - a;
                    cpu[i] = mx.getCurrentThreadCpuTime() - c;
                    if (!m.isEmpty()) {
                        matched[id][i % 3]++;
                    } else if (i % 3 == 0 && print && System.getProperty("bench.misses") != null) {
                        System.out.println("    exact name without a match: " + queries.get(i));
                    }
                }
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        long wall = System.nanoTime() - start;
        pool.shutdown();
        if (!print) {
            return;
        }
        long[] sorted = lat.clone();
        Arrays.sort(sorted);
        long[] kind = new long[3];
        for (long[] perThread : matched) {
            for (int k = 0; k < 3; k++) {
                kind[k] += perThread[k];
            }
        }
        long hits = kind[0] + kind[1] + kind[2];
        long[] cpuSorted = cpu.clone();
        Arrays.sort(cpuSorted);
        double cpuTotal = Arrays.stream(cpu).sum() / 1e9;
        System.out.printf(Locale.ROOT, "%d thread(s): %d names, p50 %.3f ms, p99 %.3f ms, max %.1f ms, %.0f names/s,"
                        + " %d with a match (threshold %.2f)%n", threads, queries.size(), sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6,
                queries.size() / (wall / 1e9), hits, index.threshold());
        System.out.printf(Locale.ROOT, "    CPU time of the querying thread per name: p50 %.3f ms, p99 %.3f ms, mean %.3f ms"
                        + " (= %.0f names/s per busy core); machine load average now %.1f%n",
                cpuSorted[cpuSorted.length / 2] / 1e6, cpuSorted[(int) (cpuSorted.length * 0.99)] / 1e6,
                cpuTotal * 1e3 / queries.size(), queries.size() / cpuTotal,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        int per = queries.size() / 3;
        System.out.printf(Locale.ROOT, "    with a match: exact names %d/%d, misspelt names %d/%d, random names %d/%d%n",
                kind[0], per, kind[1], per, kind[2], per);
        if (System.getProperty("bench.slowest") != null) {
            Integer[] idx = new Integer[queries.size()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, (x, y) -> Long.compare(cpu[y], cpu[x]));
            for (int i = 0; i < 15; i++) {
                System.out.printf(Locale.ROOT, "    slow: %.2f ms %s%n", cpu[idx[i]] / 1e6, queries.get(idx[i]));
            }
        }
    }
}
