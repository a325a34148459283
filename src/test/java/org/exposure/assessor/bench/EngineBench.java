package org.exposure.assessor.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.exposure.assessor.domain.Subject;
import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RulesetFiles;

/**
 * In-process rule evaluation, one thread, no HTTP and no database: subjects per second for each kind.
 * Not a test (no assertions, not run by the build). Run from the project root after `mvn test-compile`:
 *
 *   java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
 *       -cp target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *       org.exposure.assessor.bench.EngineBench [seconds-per-kind]
 */
public final class EngineBench {
    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        BenchSubjects.quietDrools();
        RuleEngine engine = RuleEngine.load(RulesetFiles.fromDirectory(Path.of("rules")));
        Random r = new Random(7);
        List<Subject> goods = new ArrayList<>();
        List<Subject> suppliers = new ArrayList<>();
        List<Subject> banks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            goods.add(BenchSubjects.goods(r));
            suppliers.add(BenchSubjects.supplier(r, i));
            banks.add(BenchSubjects.bank(r, i));
        }
        System.out.printf("ruleset %s, %d rules, one thread%n", engine.version(), engine.rules().size());
        run("GOODS", engine, goods, seconds);
        run("SUPPLIER (3 exports, 2 owners)", engine, suppliers, seconds);
        run("BANK (3 payments, 2 correspondents)", engine, banks, seconds);
    }

    private static void run(String label, RuleEngine engine, List<Subject> subjects, int seconds) {
        long warmupEnd = System.nanoTime() + 3_000_000_000L;
        int i = 0;
        long findings = 0;
        while (System.nanoTime() < warmupEnd) {
            findings += engine.evaluate(subjects.get(i++ % subjects.size())).size();
        }
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long n = 0;
        while (System.nanoTime() < end) {
            findings += engine.evaluate(subjects.get((int) (n++ % subjects.size()))).size();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-38s %,10.0f subjects/s  (%.1f µs each; %d findings seen)%n", label, n / elapsed, elapsed * 1e6 / n, findings);
    }
}
