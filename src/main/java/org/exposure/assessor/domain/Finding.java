package org.exposure.assessor.domain;

import java.util.Map;

/**
 * One firing of one rule: what the catalogue says about the rule, the severity it fired at, the explanation
 * with the subject's facts filled in, and the facts themselves as evidence.
 */
public record Finding(
        String ruleId,
        String title,
        Severity severity,
        String legalBasis,
        String explanation,
        String remediation,
        Map<String, Object> evidence) {
}
