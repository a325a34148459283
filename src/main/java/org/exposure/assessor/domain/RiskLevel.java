package org.exposure.assessor.domain;

import java.util.Collection;

/** An entity's verdict: the highest severity among its fired rules, CLEAR when none fired. */
public enum RiskLevel {
    CLEAR, INFO, LOW, MEDIUM, HIGH, SEVERE, BLOCKED;

    public static RiskLevel of(Severity severity) {
        return valueOf(severity.name());
    }

    public static RiskLevel highestOf(Collection<Finding> findings) {
        return findings.stream().map(Finding::severity).max(Enum::compareTo).map(RiskLevel::of).orElse(CLEAR);
    }
}
