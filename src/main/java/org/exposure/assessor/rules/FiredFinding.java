package org.exposure.assessor.rules;

import org.exposure.assessor.domain.Severity;

/**
 * Inserted into the session each time a rule reports, so that rules about consequences (FFI-USD-IMPACT) can reason
 * over what has already fired.
 */
public record FiredFinding(String ruleId, Severity severity, String path) {
    public String getRuleId() {
        return ruleId;
    }

    public Severity getSeverity() {
        return severity;
    }

    public String getPath() {
        return path;
    }
}
