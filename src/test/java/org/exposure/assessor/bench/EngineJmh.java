package org.exposure.assessor.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.exposure.assessor.domain.BankSubject;
import org.exposure.assessor.domain.Finding;
import org.exposure.assessor.domain.GoodsSubject;
import org.exposure.assessor.domain.SupplierSubject;
import org.exposure.assessor.rules.GoodsLine;
import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RulesetFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process rule evaluation measured with JMH: subjects per second, one thread, for each subject kind through the
 * engine's public API ({@link RuleEngine#evaluate}, a fresh session per subject as the service does), and the GOODS
 * rules written as plain Java ({@link PlainGoodsRules}) so that the engine's cost is a ratio. The subjects are
 * {@link BenchSubjects}' (those of {@link EngineBench}), generated once and cycled.
 *
 * <p>Not a test: surefire does not run it. From the project root (see bench/README.md, "EngineJmh"):
 *
 * <pre>
 * mvn -B -q test-compile
 * java -cp target/test-classes:target/classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     org.openjdk.jmh.Main EngineJmh -f 1 -wi 10 -w 5s -i 5 -r 5s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
// As EngineBench is run: JUL through the JBoss log manager the service uses, Drools at WARN (set in setup).
// Drools takes long to reach its steady state: with other builds on the two cores, GOODS throughput was still
// rising fivefold after 3 x 2 s + 5 x 3 s, so warm up for 50 s.
@Warmup(iterations = 10, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Djava.util.logging.manager=org.jboss.logmanager.LogManager")
public class EngineJmh {
    /** A power of two, so that cycling is a mask. */
    private static final int SUBJECTS = 1024;

    private RuleEngine engine;
    private PlainGoodsRules plain;
    private GoodsSubject[] goods;
    private SupplierSubject[] suppliers;
    private BankSubject[] banks;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        BenchSubjects.quietDrools();
        if (org.slf4j.LoggerFactory.getLogger("org.drools.core").isDebugEnabled()) {
            // Without the JBoss log manager the JUL levels above do not reach Drools' SLF4J loggers.
            throw new IllegalStateException("Drools logs at DEBUG or TRACE: the benchmark would measure logging; "
                    + "run it with -Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        }
        engine = RuleEngine.load(RulesetFiles.fromDirectory(Path.of("rules")));
        plain = new PlainGoodsRules(engine.reference());
        Random r = new Random(7);
        goods = new GoodsSubject[SUBJECTS];
        suppliers = new SupplierSubject[SUBJECTS];
        banks = new BankSubject[SUBJECTS];
        for (int i = 0; i < SUBJECTS; i++) {
            goods[i] = BenchSubjects.goods(r);
            suppliers[i] = BenchSubjects.supplier(r, i);
            banks[i] = BenchSubjects.bank(r, i);
        }
    }

    private int next() {
        return next++ & (SUBJECTS - 1);
    }

    /** GOODS through Drools: all rules of the ruleset, findings with explanation and evidence. */
    @Benchmark
    public List<Finding> goodsDrools() {
        return engine.evaluate(goods[next()]);
    }

    /** GOODS through the plain-Java translation: the same GoodsLine, the fired ids and severities only. */
    @Benchmark
    public List<PlainGoodsRules.Fired> goodsPlain() {
        return plain.evaluate(goods[next()]);
    }

    /**
     * As {@link #goodsPlain()}, plus the evidence map the engine copies for every finding
     * ({@code GoodsLine.evidence()}): part of what {@link #goodsDrools()} does that is not the engine.
     * Explanations are still not built.
     */
    @Benchmark
    public int goodsPlainWithEvidence() {
        GoodsLine line = GoodsLine.of(goods[next()], PlainGoodsRules.today(), engine.reference());
        int size = 0;
        for (PlainGoodsRules.Fired fired : plain.evaluate(line, List.of())) {
            Map<String, Object> evidence = new LinkedHashMap<>(line.evidence());
            size += evidence.size() + fired.ruleId().length();
        }
        return size;
    }

    /** SUPPLIER with 3 exports and 2 owners through Drools. */
    @Benchmark
    public List<Finding> supplierDrools() {
        return engine.evaluate(suppliers[next()]);
    }

    /** BANK with 3 payments and 2 correspondents through Drools. */
    @Benchmark
    public List<Finding> bankDrools() {
        return engine.evaluate(banks[next()]);
    }
}
