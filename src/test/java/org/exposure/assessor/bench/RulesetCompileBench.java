package org.exposure.assessor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RulesetFiles;

/**
 * How long loading the project's ruleset takes ({@link RuleEngine#load}: reading, compiling, checking the metadata),
 * in wall time and in CPU time of the loading thread, the first load of a fresh JVM (as at a start) and then the
 * following ones (as a ruleset activated on a running service). Not a test. From the project root after
 * {@code mvn test-compile}:
 *
 * <pre>
 * java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
 *     -cp target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     org.exposure.assessor.bench.RulesetCompileBench [loads]
 * </pre>
 */
public final class RulesetCompileBench {
    public static void main(String[] args) {
        int loads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        BenchSubjects.quietDrools();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 1; i <= loads; i++) {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            RuleEngine engine = RuleEngine.load(RulesetFiles.fromDirectory(Path.of("rules")));
            System.out.printf("load %d: %,6d ms wall, %,6d ms CPU of the loading thread, %d rules%n", i,
                    (System.nanoTime() - wall) / 1_000_000, (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000,
                    engine.rules().size());
        }
    }
}
