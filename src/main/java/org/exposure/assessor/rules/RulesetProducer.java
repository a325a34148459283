package org.exposure.assessor.rules;

import java.nio.file.Files;
import java.nio.file.Path;

import org.exposure.assessor.config.AssessorConfig;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Compiles the ruleset once at start-up, so that a broken rule stops the service with its file and line rather
 * than failing the first request.
 */
@ApplicationScoped
public class RulesetProducer {
    private static final Logger LOG = Logger.getLogger(RulesetProducer.class);

    @Produces
    @Singleton
    @Startup
    RuleEngine ruleEngine(AssessorConfig config) {
        RulesetFiles files = config.rules().dir().map(RulesetFiles::fromDirectory).orElseGet(RulesetFiles::fromClasspath);
        RuleEngine engine = RuleEngine.load(files);
        LOG.infof("Loaded %d rules from %s, ruleset version %s", engine.rules().size(), engine.origin(), engine.version());
        return engine;
    }

    @Produces
    @Singleton
    @Startup
    HsNomenclature hsNomenclature(AssessorConfig config, RuleEngine engine) {
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
