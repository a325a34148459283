package org.exposure.assessor.rulesets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.exposure.assessor.assessment.RulesetVersions;
import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.rules.CompiledRulesStore;
import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RulesInForce;
import org.exposure.assessor.rules.RulesetFiles;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The rulesets a replay or a trial may decide with: the one in force, and every version stored, loaded from its
 * stored files. A load compiles (seconds) unless the compiled rules are kept on disk from an earlier load; the last
 * few engines are kept in memory, since replaying the assessments of one period asks for the same version many times.
 */
@ApplicationScoped
public class StoredRulesetVersions implements RulesetVersions {
    private static final Logger LOG = Logger.getLogger(StoredRulesetVersions.class);
    private static final int KEPT = 3;

    private final RulesInForce rules;
    private final RulesetStore store;
    private final AssessorConfig config;
    private final Map<String, RuleEngine> loaded = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuleEngine> eldest) {
            return size() > KEPT;
        }
    };

    StoredRulesetVersions(RulesInForce rules, RulesetStore store, AssessorConfig config) {
        this.rules = rules;
        this.store = store;
        this.config = config;
    }

    @Override
    public synchronized Optional<RuleEngine> engine(String version) {
        RuleEngine inForce = rules.current();
        if (inForce.version().equals(version)) {
            return Optional.of(inForce);
        }
        RuleEngine engine = loaded.get(version);
        if (engine != null) {
            return Optional.of(engine);
        }
        Map<String, String> files = store.contents(version);
        if (files.isEmpty()) {
            return Optional.empty();
        }
        RulesetFiles ruleset = RulesetFiles.of("stored ruleset " + version, files);
        if (!ruleset.version().equals(version)) {
            // The stored files must hash to the version they are stored under, or a replay would prove nothing.
            throw new IllegalStateException("the stored files of ruleset " + version + " hash to " + ruleset.version());
        }
        CompiledRulesStore compiled = config.rules().compiled().keep()
                ? CompiledRulesStore.in(config.rules().compiled().dir()) : CompiledRulesStore.none();
        long start = System.nanoTime();
        engine = RuleEngine.load(ruleset, compiled);
        LOG.infof("Loaded stored ruleset %s (%d rules), %s in %d ms", version, engine.rules().size(), engine.built(),
                (System.nanoTime() - start) / 1_000_000);
        loaded.put(version, engine);
        return Optional.of(engine);
    }
}
