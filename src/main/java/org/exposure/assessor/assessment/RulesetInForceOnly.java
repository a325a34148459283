package org.exposure.assessor.assessment;

import java.util.Optional;

import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RulesInForce;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** Without a store of ruleset versions, only the ruleset in force can decide a replay. */
@DefaultBean
@ApplicationScoped
class RulesetInForceOnly implements RulesetVersions {
    private final RulesInForce rules;

    RulesetInForceOnly(RulesInForce rules) {
        this.rules = rules;
    }

    @Override
    public Optional<RuleEngine> engine(String version) {
        RuleEngine engine = rules.current();
        return engine.version().equals(version) ? Optional.of(engine) : Optional.empty();
    }
}
