package org.exposure.assessor.domain;

/** Severities of the rule catalogue, from low to high; the declaration order is the ranking. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, SEVERE, BLOCKED
}
