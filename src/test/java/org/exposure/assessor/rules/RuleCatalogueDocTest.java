package org.exposure.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.rules.RuleCatalogueDoc.Row;
import org.exposure.assessor.testsupport.Engines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rule catalogue in docs/rules.md is the rules' own metadata: every rule of the packaged ruleset has one row with
 * its id, base severity, title and legal basis exactly as its DRL declares them, and the document names no other
 * rule. A compliance officer reads the document, not the DRL, so it must not drift. After changing a rule's metadata,
 * {@code RuleCatalogueDoc.main} rewrites the table (see docs/rules.md). Plain JUnit, on the engine the other rule tests share.
 */
class RuleCatalogueDocTest {

    private static List<RuleDefinition> rules;
    private static List<Row> rows;

    @BeforeAll
    static void load() throws IOException {
        rules = Engines.project().rules();
        rows = RuleCatalogueDoc.read(RuleCatalogueDoc.DOC);
    }

    @Test
    @DisplayName("docs/rules.md lists every rule once, with the id, severity, title and legal basis of its DRL")
    void documentMatchesRuleset() {
        assertThat(rules).as("rules loaded from rules/").isNotEmpty();
        assertThat(RuleCatalogueDoc.problems(rules, rows))
                .as("differences between docs/rules.md and rules/ (RuleCatalogueDoc.main rewrites the table)")
                .isEmpty();
    }

    // ---------------------------------------------------------------- the comparison itself, on rows made from the rules

    /** A catalogue that agrees with the rules, whatever the document says. */
    private static List<Row> exact() {
        return rules.stream().map(r -> new Row(0, r.id(), r.severity().name(), r.title(), r.legalBasis(), "")).toList();
    }

    @Test
    @DisplayName("a changed severity, a missing rule and an unknown rule are each reported")
    void comparisonReportsEachDifference() {
        List<Row> changed = new ArrayList<>(exact());
        assertThat(RuleCatalogueDoc.problems(rules, changed)).isEmpty();
        Row first = changed.get(0);
        String other = first.severity().equals("INFO") ? "LOW" : "INFO";
        changed.set(0, new Row(1, first.id(), other, first.title(), first.legalBasis(), ""));
        Row removed = changed.remove(1);
        changed.add(new Row(999, "GOODS-NO-SUCH-RULE", "LOW", "t", "b", ""));

        assertThat(RuleCatalogueDoc.problems(rules, changed))
                .hasSize(3)
                .anySatisfy(p -> assertThat(p).contains(first.id()).contains("severity is \"" + other + "\""))
                .anySatisfy(p -> assertThat(p).startsWith(removed.id() + " (").contains("is missing from"))
                .anySatisfy(p -> assertThat(p).contains("GOODS-NO-SUCH-RULE is not a rule of the ruleset"));
    }

    @Test
    @DisplayName("a changed legal basis or title and a repeated row are reported")
    void legalBasisTitleAndDuplicates() {
        List<Row> changed = new ArrayList<>(exact());
        Row first = changed.get(0);
        Row second = changed.get(1);
        changed.set(0, new Row(1, first.id(), first.severity(), first.title(), first.legalBasis() + " x", ""));
        changed.set(1, new Row(2, second.id(), second.severity(), second.title() + " x", second.legalBasis(), ""));
        changed.add(changed.get(2));

        assertThat(RuleCatalogueDoc.problems(rules, changed))
                .hasSize(3)
                .anySatisfy(p -> assertThat(p).contains(first.id() + ": legal basis is"))
                .anySatisfy(p -> assertThat(p).contains(second.id() + ": title is"))
                .anySatisfy(p -> assertThat(p).contains(changed.get(2).id() + " is listed twice"));
    }

    @Test
    @DisplayName("cells are read with escaped bars; the rewrite agrees with the rules and keeps the prose column")
    void parseAndRewrite() throws IOException {
        assertThat(RuleCatalogueDoc.cells("| A-1 | LOW | x \\| y | basis |  |"))
                .containsExactly("A-1", "LOW", "x | y", "basis", "");
        List<String> lines = Files.readAllLines(RuleCatalogueDoc.DOC, StandardCharsets.UTF_8);
        List<Row> rewritten = RuleCatalogueDoc.parse(RuleCatalogueDoc.rewrite(lines, rules));
        assertThat(RuleCatalogueDoc.problems(rules, rewritten)).isEmpty();
        Map<String, String> prose = new HashMap<>();
        rewritten.forEach(r -> prose.put(r.id(), r.rest()));
        rows.stream().filter(r -> prose.containsKey(r.id()))
                .forEach(r -> assertThat(prose.get(r.id())).as(r.id()).isEqualTo(r.rest()));
    }
}
