package org.exposure.assessor.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.exposure.assessor.domain.Finding;
import org.exposure.assessor.domain.Severity;
import org.exposure.assessor.domain.Subject;
import org.exposure.assessor.rules.ListMatch;
import org.exposure.assessor.rules.RuleDefinition;

/**
 * What a rule test asks of the project's ruleset ({@link Engines#project()}): the findings for a subject (with
 * list matches as the screener makes them), whether a rule fires once at a severity or stays silent, and whether
 * its catalogue metadata is as the rule catalogue (docs/rules.md) gives it. Failures name the rule and what fired.
 */
public final class RuleAssertions {

    private RuleAssertions() {
    }

    public static List<Finding> evaluate(Subject subject, ListMatch... matches) {
        return Engines.project().evaluate(subject, List.of(matches));
    }

    public static List<Finding> evaluate(SubjectBuilder subject, ListMatch... matches) {
        return evaluate(subject.build(), matches);
    }

    /** The findings of one rule among the given ones, in firing order. */
    public static List<Finding> findingsOf(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /** The rule's findings for the subject, in firing order. */
    public static List<Finding> fired(String ruleId, Subject subject, ListMatch... matches) {
        return findingsOf(evaluate(subject, matches), ruleId);
    }

    public static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).toList();
    }

    /** The one finding of the rule; fails when the rule did not fire or fired more than once. */
    public static Finding only(List<Finding> findings, String ruleId) {
        List<Finding> found = findingsOf(findings, ruleId);
        assertThat(found).as("findings of %s among %s", ruleId, ids(findings)).hasSize(1);
        return found.get(0);
    }

    /** The rule fires exactly once for the subject, at the severity, with an explanation of one or more sentences. */
    public static Finding fires(Subject subject, String ruleId, Severity severity, ListMatch... matches) {
        Finding f = only(evaluate(subject, matches), ruleId);
        assertThat(f.severity()).as("severity of %s: %s", ruleId, f.explanation()).isEqualTo(severity);
        assertThat(f.explanation()).as("explanation of %s", ruleId).isNotBlank().endsWith(".");
        return f;
    }

    public static Finding fires(SubjectBuilder subject, String ruleId, Severity severity, ListMatch... matches) {
        return fires(subject.build(), ruleId, severity, matches);
    }

    /** As {@link #fires}, and the finding's evidence points at the path in the subject. */
    public static Finding firesAt(Subject subject, String ruleId, Severity severity, String path, ListMatch... matches) {
        Finding f = fires(subject, ruleId, severity, matches);
        assertThat(f.evidence()).as("evidence of %s", ruleId).containsEntry("path", path);
        return f;
    }

    public static Finding firesAt(SubjectBuilder subject, String ruleId, Severity severity, String path, ListMatch... matches) {
        return firesAt(subject.build(), ruleId, severity, path, matches);
    }

    public static void silent(Subject subject, String ruleId, ListMatch... matches) {
        assertThat(ids(evaluate(subject, matches))).as("%s must not fire", ruleId).doesNotContain(ruleId);
    }

    public static void silent(SubjectBuilder subject, String ruleId, ListMatch... matches) {
        silent(subject.build(), ruleId, matches);
    }

    /** The rule is loaded from the file with the severity, a legal basis containing the phrase, a title and a remedy. */
    public static void hasCatalogueEntry(String ruleId, Severity severity, String legalBasis, String file) {
        RuleDefinition rule = Engines.project().rule(ruleId)
                .orElseThrow(() -> new AssertionError(ruleId + " is not in the ruleset"));
        assertThat(rule.severity()).isEqualTo(severity);
        assertThat(rule.legalBasis()).contains(legalBasis);
        assertThat(rule.title()).isNotBlank();
        assertThat(rule.remediation()).isNotBlank();
        assertThat(rule.file()).isEqualTo(file);
    }

    /** The loaded rule ids starting with the prefix. */
    public static List<String> ruleIds(String prefix) {
        return Engines.project().rules().stream().map(RuleDefinition::id).filter(id -> id.startsWith(prefix)).toList();
    }

    /** An evidence value that is a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
