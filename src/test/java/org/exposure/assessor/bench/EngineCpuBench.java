package org.exposure.assessor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.IntConsumer;

import org.exposure.assessor.domain.BankSubject;
import org.exposure.assessor.domain.GoodsSubject;
import org.exposure.assessor.domain.SupplierSubject;
import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RulesetFiles;

/**
 * {@link EngineJmh}'s evaluations counted against the CPU time of the evaluating thread instead of the clock: on a
 * machine shared with other work, subjects per second of wall time say as much about the other work as about the
 * engine, subjects per CPU-second of the thread much less. The CPU of the JIT compiler and GC threads is not counted,
 * so this is a ceiling for one core, not a capacity. Same subjects as EngineJmh (BenchSubjects, seed 7, 1,024 of each
 * kind, cycled). Not a test. From the project root after {@code mvn test-compile}:
 *
 * <pre>
 * java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
 *     -cp target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     org.exposure.assessor.bench.EngineCpuBench [warm-up CPU seconds] [measured CPU seconds]
 * </pre>
 */
public final class EngineCpuBench {
    private static final int SUBJECTS = 1024;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile int sink;

    public static void main(String[] args) {
        double warmup = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        double measured = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        BenchSubjects.quietDrools();
        RuleEngine engine = RuleEngine.load(RulesetFiles.fromDirectory(Path.of("rules")));
        PlainGoodsRules plain = new PlainGoodsRules(engine.reference());
        Random r = new Random(7);
        GoodsSubject[] goods = new GoodsSubject[SUBJECTS];
        SupplierSubject[] suppliers = new SupplierSubject[SUBJECTS];
        BankSubject[] banks = new BankSubject[SUBJECTS];
        for (int i = 0; i < SUBJECTS; i++) {
            goods[i] = BenchSubjects.goods(r);
            suppliers[i] = BenchSubjects.supplier(r, i);
            banks[i] = BenchSubjects.bank(r, i);
        }
        run("goodsDrools", i -> sink += engine.evaluate(goods[i]).size(), warmup, measured);
        run("goodsPlain", i -> sink += plain.evaluate(goods[i]).size(), warmup, measured);
        run("supplierDrools", i -> sink += engine.evaluate(suppliers[i]).size(), warmup, measured);
        run("bankDrools", i -> sink += engine.evaluate(banks[i]).size(), warmup, measured);
    }

    private static void run(String name, IntConsumer evaluate, double warmupSeconds, double measuredSeconds) {
        loop(evaluate, warmupSeconds);
        long wall = System.nanoTime();
        long[] done = loop(evaluate, measuredSeconds);
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        double cpuSeconds = done[1] / 1e9;
        System.out.printf("%-15s %,10.0f subjects per CPU-second (%,d in %.1f CPU-s, %.1f s wall: %,.0f/s wall)%n",
                name, done[0] / cpuSeconds, done[0], cpuSeconds, wallSeconds, done[0] / wallSeconds);
    }

    /** Evaluates until the thread has used {@code seconds} of CPU; returns the count and the CPU nanoseconds. */
    private static long[] loop(IntConsumer evaluate, double seconds) {
        long start = THREADS.getCurrentThreadCpuTime();
        long budget = (long) (seconds * 1e9);
        long n = 0;
        long used;
        do {
            // Reading the thread's CPU time is a system call: once per 64 evaluations.
            for (int k = 0; k < 64; k++) {
                evaluate.accept((int) (n++ & (SUBJECTS - 1)));
            }
            used = THREADS.getCurrentThreadCpuTime() - start;
        } while (used < budget);
        return new long[] {n, used};
    }
}
