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
    HsNomenclature hsNomenclature(AssessorConfig config) {
        Path file = config.hs().nomenclature().orElse(null);
        if (file == null || !Files.isReadable(file)) {
            String why = file == null ? "assessor.hs.nomenclature is not set" : file.toAbsolutePath() + " is not readable";
            LOG.warnf("HS 2022 nomenclature unavailable (%s): HS codes will not be checked for existence", why);
            return HsNomenclature.unavailable(why);
        }
        HsNomenclature hs = HsNomenclature.read(file);
        LOG.infof("Loaded %d six-digit HS codes from %s", hs.size(), file);
        return hs;
    }
}
