package org.exposure.assessor.rules;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.support.Futures;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Compiles the ruleset once at start-up, so that a broken rule stops the service with its file and line rather
 * than failing the first request.
 * <p>
 * The compile (several seconds of CPU at a start on a 2-core machine, see bench/README.md) needs neither the database nor the lists, so it runs on a thread
 * of its own from the first step of the start-up on ({@link #beginCompile}), while the main thread imports the lists
 * directory and builds the screening index; done one after the other they made most of a restart. A later step
 * ({@link #awaitCompiled}) waits for the compile and rethrows its failure, so the service still does not start, and
 * the HTTP port does not open, with a ruleset that does not load.
 */
@ApplicationScoped
public class RulesetProducer {
    private static final Logger LOG = Logger.getLogger(RulesetProducer.class);

    /** The compiled ruleset and, read after it on the same thread, the HS nomenclature it may carry. */
    private record Compilation(CompletableFuture<RuleEngine> engine, CompletableFuture<HsNomenclature> hs) {
    }

    private Compilation compilation;
    private final AssessorConfig config;

    RulesetProducer(AssessorConfig config) {
        this.config = config;
    }

    /** The first step of the start-up: begins the compile on a thread of its own and returns at once. */
    public void beginCompile() {
        // Where a start's time goes begins here: what the JVM and Quarkus took before the application's own work.
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            LOG.infof("Start-up event %d ms after the JVM started, %d ms of CPU so far; compiling the ruleset",
                    ManagementFactory.getRuntimeMXBean().getUptime(), os.getProcessCpuTime() / 1_000_000);
        }
        compilation(config);
    }

    /** The compile, started on the first call (the start-up observer, or a producer if something needs it first). */
    private synchronized Compilation compilation(AssessorConfig config) {
        if (compilation == null) {
            Compilation c = new Compilation(new CompletableFuture<>(), new CompletableFuture<>());
            // A new thread inherits the main thread's context class loader, through which Drools finds the fact
            // classes the rules are compiled against.
            Thread thread = new Thread(() -> {
                RuleEngine engine;
                try {
                    engine = compile(config);
                    c.engine().complete(engine);
                } catch (Throwable e) {
                    c.engine().completeExceptionally(e);
                    c.hs().completeExceptionally(e);
                    return;
                }
                try {
                    c.hs().complete(readHsNomenclature(config, engine));
                } catch (Throwable e) {
                    c.hs().completeExceptionally(e);
                }
            }, "ruleset-compile");
            thread.setDaemon(true);
            thread.start();
            compilation = c;
        }
        return compilation;
    }

    private static RuleEngine compile(AssessorConfig config) {
        long start = System.nanoTime();
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        RulesetFiles files = config.rules().dir().map(RulesetFiles::fromDirectory).orElseGet(RulesetFiles::fromClasspath);
        CompiledRulesStore store = config.rules().compiled().keep()
                ? CompiledRulesStore.in(config.rules().compiled().dir()) : CompiledRulesStore.none();
        RuleEngine engine = RuleEngine.load(files, store);
        LOG.infof("Loaded %d rules from %s, ruleset version %s, %s in %d ms (%d ms of CPU on its thread)",
                engine.rules().size(), engine.origin(), engine.version(), engine.built(), (System.nanoTime() - start) / 1_000_000,
                (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1_000_000);
        return engine;
    }

    /**
     * Waits for the compile and the HS nomenclature, and rethrows their failure: a step of the start-up after the
     * index is built, so that the service does not start, and the HTTP port does not open, with a ruleset that does
     * not load.
     */
    public void awaitCompiled() {
        Futures.join(compilation(config).engine());
        Futures.join(compilation(config).hs());
    }

    @Produces
    @Singleton
    RulesInForce rulesInForce(AssessorConfig config) {
        return new RulesInForce(Futures.join(compilation(config).engine()));
    }

    // Not before the ruleset it may come from; its failure (an unreadable override) stops start-up as before, and a
    // ruleset that does not load is reported as such, through the engine this depends on.
    @Produces
    @Singleton
    HsNomenclature hsNomenclature(AssessorConfig config, RulesInForce rules) {
        return Futures.join(compilation(config).hs());
    }

    private static HsNomenclature readHsNomenclature(AssessorConfig config, RuleEngine engine) {
        Path file = config.hs().nomenclature().orElse(null);
        HsNomenclature hs;
        if (file != null) {
            // An explicit override that cannot be read is a configuration error, not a reason to check nothing.
            if (!Files.isReadable(file)) {
                throw new IllegalStateException("assessor.hs.nomenclature: " + file.toAbsolutePath() + " is not readable");
            }
            hs = HsNomenclature.read(file);
        } else {
            // The ruleset's own copy (a rules directory may bring a newer one), else the one packaged with the rules.
            String text = engine.files().get(HsNomenclature.PACKAGED);
            String origin = engine.origin() + "/" + HsNomenclature.PACKAGED;
            if (text == null) {
                text = RulesetFiles.fromClasspath().files().get(HsNomenclature.PACKAGED);
                origin = "classpath:" + RulesetFiles.CLASSPATH_ROOT + "/" + HsNomenclature.PACKAGED;
            }
            if (text == null) {
                throw new IllegalStateException("the packaged HS 2022 nomenclature " + origin + " is missing");
            }
            hs = HsNomenclature.read(new java.io.StringReader(text), origin);
        }
        LOG.infof("Loaded %d six-digit HS codes from %s", hs.size(), hs.source());
        return hs;
    }
}
