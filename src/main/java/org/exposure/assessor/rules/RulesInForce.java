package org.exposure.assessor.rules;

import java.util.Objects;

/**
 * The ruleset that decides on this instance now. Another can take its place while the service runs (an activated
 * version), so the engine is not injected itself: a unit of work (an assessment, a page, a report) takes
 * {@link #current()} once and uses that engine throughout, so that it never mixes two rulesets, and work begun
 * before a replacement finishes on the rules it began with.
 */
public final class RulesInForce {
    private volatile RuleEngine current;

    public RulesInForce(RuleEngine first) {
        this.current = Objects.requireNonNull(first);
    }

    /** The engine in force now: take it once per unit of work. */
    public RuleEngine current() {
        return current;
    }

    /** Puts {@code next} in force for the work that begins from now on; returns the engine it replaces. */
    public synchronized RuleEngine replace(RuleEngine next) {
        RuleEngine before = current;
        current = Objects.requireNonNull(next);
        return before;
    }
}
