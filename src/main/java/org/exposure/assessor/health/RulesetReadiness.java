package org.exposure.assessor.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RulesInForce;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Readiness of the ruleset: UP once the rules compiled (a ruleset that does not compile stops the start-up), with
 * its version and origin, so that a load balancer's view and an assessment's rulesetVersion can be compared.
 */
@Readiness
@ApplicationScoped
public class RulesetReadiness implements HealthCheck {
    private final Instance<RulesInForce> engine;

    RulesetReadiness(Instance<RulesInForce> engine) {
        this.engine = engine;
    }

    @Override
    public HealthCheckResponse call() {
        if (!engine.isResolvable()) {
            return HealthCheckResponse.named("ruleset").down().withData("reason", "no ruleset loaded").build();
        }
        RuleEngine e = engine.get().current();
        return HealthCheckResponse.named("ruleset").up().withData("version", e.version()).withData("origin", e.origin())
                .withData("rules", e.rules().size()).build();
    }
}
