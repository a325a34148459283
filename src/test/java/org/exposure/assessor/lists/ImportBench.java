package org.exposure.assessor.lists;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.exposure.assessor.lists.csl.CslImporter;
import org.exposure.assessor.lists.ofac.OfacSdnImporter;
import org.exposure.assessor.lists.opensanctions.FtmImporter;
import org.exposure.assessor.lists.un.UnConsolidatedImporter;

/**
 * Imports every list snapshot of the shared data snapshots and prints, per file, the time of the first (cold) import,
 * (all files once, in this JVM: class loading and JIT included), the median of the following rounds, the entries, the skipped rows and the heap the result holds.
 * Not a test (no assertions, not run by the build). Run from the project root after {@code mvn test-compile}:
 *
 * <pre>
 *   java -cp target/classes:target/test-classes:$(mvn -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *       org.exposure.assessor.lists.ImportBench [data-dir, default: -Dsnapshots.dir] [rounds, default 5]
 * </pre>
 */
public final class ImportBench {
    @FunctionalInterface
    private interface Run {
        ImportResult run() throws ImportException;
    }

    private record Case(String label, Path file, Run run) {
    }

    public static void main(String[] args) throws Exception {
        Path data = args.length > 0 ? Path.of(args[0]) : Snapshots.dir();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path sdn = data.resolve("ofac/sdn_2024-05-03.csv");
        Path alt = data.resolve("ofac/alt_2025-12_watchman.csv");
        Path add = data.resolve("ofac/add_2025-12_watchman.csv");
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("OFAC sdn.csv", sdn, () -> new OfacSdnImporter().importFrom(sdn)));
        cases.add(new Case("OFAC sdn+alt+add", sdn, () -> new OfacSdnImporter().importFrom(sdn, alt, add)));
        Path csl = data.resolve("csl/csl_us_consolidated_2025.csv.gz");
        cases.add(new Case("US CSL (gzip)", csl, () -> new CslImporter().importFrom(csl)));
        Path un = data.resolve("un/UN_consolidated.xml");
        cases.add(new Case("UN XML", un, () -> new UnConsolidatedImporter().importFrom(un)));
        if (Files.isDirectory(data.resolve("ftm"))) {
            try (var files = Files.list(data.resolve("ftm"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    cases.add(new Case("FtM " + f.getFileName(), f, () -> new FtmImporter().importFrom(f)));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s, %d rounds after the first, %s, %d cores%n", data.toAbsolutePath().normalize(),
                rounds, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-62s %10s %10s %9s %8s %9s %10s%n", "file", "bytes", "first ms", "median ms",
                "entries", "skipped", "heap MB");
        // First imports in this JVM (class loading, JIT), one per file in the order above, then the timed rounds.
        double[] firstMs = new double[cases.size()];
        ImportResult[] results = new ImportResult[cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            if (Files.isRegularFile(cases.get(i).file())) {
                long t0 = System.nanoTime();
                results[i] = cases.get(i).run().run();
                firstMs[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        long totalEntries = 0;
        double totalMedian = 0;
        for (int ci = 0; ci < cases.size(); ci++) {
            Case c = cases.get(ci);
            if (!Files.isRegularFile(c.file())) {
                System.out.printf(Locale.ROOT, "%-62s absent, skipped%n", c.label());
                continue;
            }
            ImportResult r = results[ci];
            double first = firstMs[ci];
            double[] times = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long t = System.nanoTime();
                c.run().run();
                times[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(times);
            double median = rounds == 0 ? first : times[rounds / 2];
            double heap = retainedMb(c.run());
            System.out.printf(Locale.ROOT, "%-62s %10d %10.1f %9.1f %8d %9d %10.1f%n", abbreviate(c.label(), 62),
                    Files.size(c.file()), first, median, r.entryCount(), r.problems().size(), heap);
            if (!c.label().equals("OFAC sdn.csv")) {
                totalEntries += r.entryCount();
                totalMedian += median;
            }
        }
        System.out.printf(Locale.ROOT, "all lists (OFAC with alt+add): %d entries, %.1f ms (sum of medians)%n",
                totalEntries, totalMedian);
    }

    /** Heap held by one import result: used heap after GC with the result alive minus without. Rough. */
    private static double retainedMb(Run run) throws ImportException {
        Runtime rt = Runtime.getRuntime();
        gc();
        long before = rt.totalMemory() - rt.freeMemory();
        ImportResult keep = run.run();
        gc();
        long after = rt.totalMemory() - rt.freeMemory();
        if (keep.entryCount() < 0) {
            System.out.println(); // keeps the result reachable until here
        }
        return Math.max(0, after - before) / 1048576.0;
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 3) + "...";
    }
}
