package org.exposure.assessor.rules;

import org.exposure.assessor.domain.Severity;

/**
 * A rule of the loaded ruleset as the catalogue presents it: its metadata, where it lives and its DRL source.
 * {@code severity} is the rule's base severity; some rules escalate it from the facts (the explanation says why).
 */
public record RuleDefinition(
        String id,
        String name,
        String title,
        Severity severity,
        String legalBasis,
        String remediation,
        String file,
        int line,
        String source) {
}
