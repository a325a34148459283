package org.exposure.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exposure.assessor.domain.Finding;
import org.exposure.assessor.domain.GoodsSubject;
import org.junit.jupiter.api.Test;

/**
 * A compliance officer may write constraints with DRL operators (memberOf, str[startsWith], matches). Drools 10.2's
 * interpreted constraints are compiled to bytecode after 20 evaluations, and that compiled form of these operators
 * fails with a NoSuchMethodError; the engine builds its rules with the executable model, whose constraints are Java
 * from the start. This test holds whatever form a constraint takes to the same answers over 200 evaluations, well
 * past any such threshold.
 */
class ConstraintOperatorsTest {

    @Test
    void operatorsKeepWorkingAfterManyEvaluations() throws IOException {
        Path dir = RuleFiles.copyOfProjectRules("operators");
        Files.writeString(dir.resolve("goods/operators.drl"), String.join("\n",
                "package rules.goods;",
                "import org.exposure.assessor.rules.GoodsLine;",
                "import org.exposure.assessor.domain.Severity;",
                "global org.exposure.assessor.rules.FindingCollector findings;",
                "rule \"Operators\"",
                "    @id(\"TEST-OPERATORS\") @title(\"t\") @severity(LOW) @legalBasis(\"l\") @remediation(\"r\")",
                "when",
                "    $g : GoodsLine( destinationCountry memberOf java.util.List.of(\"KZ\", \"KG\"), hsCode str[startsWith] \"85\", hsCode matches \"\\\\d{6}\" )",
                "then",
                "    findings.fire(kcontext, Severity.LOW, \"operators\", $g);",
                "end",
                ""));
        RuleEngine engine = RuleEngine.load(RulesetFiles.fromDirectory(dir));
        GoodsSubject kz = new GoodsSubject(null, null, List.of(), null, null, "854231", null, null, null, "KZ", null, null, null);
        GoodsSubject de = new GoodsSubject(null, null, List.of(), null, null, "854231", null, null, null, "DE", null, null, null);
        for (int i = 0; i < 200; i++) {
            List<Finding> fired = engine.evaluate(i % 2 == 0 ? kz : de);
            assertThat(fired.stream().anyMatch(f -> f.ruleId().equals("TEST-OPERATORS"))).as("evaluation %d", i).isEqualTo(i % 2 == 0);
        }
    }
}
