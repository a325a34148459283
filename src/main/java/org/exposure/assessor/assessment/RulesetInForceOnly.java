package org.exposure.assessor.assessment;

import java.util.Optional;

import org.exposure.assessor.rules.RuleEngine;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** Without a store of ruleset versions, only the ruleset in force can decide a replay. */
@DefaultBean
@ApplicationScoped
class RulesetInForceOnly implements RulesetVersions {
    private final RuleEngine engine;

    RulesetInForceOnly(RuleEngine engine) {
        this.engine = engine;
    }

    @Override
    public Optional<RuleEngine> engine(String version) {
        return engine.version().equals(version) ? Optional.of(engine) : Optional.empty();
    }
}
