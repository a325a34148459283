package org.exposure.assessor.domain;

import java.util.List;

/** The outcome of running the rules over one subject, before it is stored. */
public record Evaluation(RiskLevel riskLevel, List<Finding> findings, List<Warning> warnings, String rulesetVersion) {
}
