package org.exposure.assessor.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.domain.Finding;
import org.exposure.assessor.domain.Severity;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The global through which a rule reports that it fired, with the severity it fired at, its explanation and the
 * evidence. The rule's id, title, legal basis and remediation come from its metadata, so a rule cannot report
 * under another rule's name. One collector per evaluation.
 */
public final class FindingCollector {
    private final Map<String, RuleDefinition> byRuleName;
    private final List<Finding> findings = new ArrayList<>();

    FindingCollector(Map<String, RuleDefinition> byRuleName) {
        this.byRuleName = byRuleName;
    }

    public void fire(RuleContext kcontext, Severity severity, String explanation, GoodsLine line) {
        fire(kcontext, severity, explanation, line.evidence());
    }

    public void fire(RuleContext kcontext, Severity severity, String explanation, Map<String, Object> evidence) {
        fireUnder(kcontext, severity, null, explanation, evidence);
    }

    public void fireUnder(RuleContext kcontext, Severity severity, String legalBasis, String explanation, GoodsLine line) {
        fireUnder(kcontext, severity, legalBasis, explanation, line.evidence());
    }

    /**
     * As {@link #fire(RuleContext, Severity, String, Map)}, citing {@code legalBasis} (the law of this case: the
     * destination's, or the version in force on the payment's date) instead of the rule's general basis; null cites
     * the rule's.
     */
    public void fireUnder(RuleContext kcontext, Severity severity, String legalBasis, String explanation,
                          Map<String, Object> evidence) {
        RuleDefinition rule = byRuleName.get(kcontext.getRule().getPackageName() + "." + kcontext.getRule().getName());
        if (rule == null) {
            throw new IllegalStateException("rule " + kcontext.getRule().getName() + " is not in the loaded catalogue");
        }
        findings.add(new Finding(rule.id(), rule.title(), severity, legalBasis == null ? rule.legalBasis() : legalBasis, explanation,
                rule.remediation(), new LinkedHashMap<>(evidence)));
        Object path = evidence.get("path");
        kcontext.getKieRuntime().insert(new FiredFinding(rule.id(), severity, path == null ? "subject" : path.toString()));
    }

    List<Finding> findings() {
        return findings;
    }
}
