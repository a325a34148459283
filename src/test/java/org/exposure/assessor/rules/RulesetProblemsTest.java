package org.exposure.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The problems a RulesetException carries as values: kind, file, line and message, the same facts its message
 * gives the start-up log, for whoever lists them (the validation of a candidate ruleset).
 */
class RulesetProblemsTest {
    private static final RulesetFiles PROJECT = RulesetFiles.fromDirectory(Path.of("rules"));

    private static List<RulesetProblem> problems(RulesetFiles files) {
        RulesetException e = catchThrowableOfType(RulesetException.class, () -> RuleEngine.load(files));
        assertThat(e).as("the ruleset loaded").isNotNull();
        return e.problems();
    }

    @Test
    @DisplayName("a DRL syntax error is a COMPILE problem with the file and line")
    void compile() {
        List<RulesetProblem> problems = problems(PROJECT.with("goods/broken.drl", """
                package rules.goods;

                import org.exposure.assessor.rules.GoodsLine;

                rule "Broken syntax"
                    @id("GOODS-BROKEN")
                when
                    $g : GoodsLine( chplTierNumber == )
                then
                end
                """));
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.kind()).isEqualTo(RulesetProblem.Kind.COMPILE));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("rules/goods/broken.drl");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).isNotBlank().doesNotStartWith("rules/");
        });
    }

    @Test
    @DisplayName("missing metadata and a repeated id are METADATA and DUPLICATE_ID problems at the rule's line")
    void metadataAndDuplicates() {
        List<RulesetProblem> problems = problems(PROJECT.with("goods/extra.drl", """
                package rules.goods;

                rule "Bare"
                when
                    eval(false)
                then
                end

                rule "Impostor"
                    @id("GOODS-CHPL-T1")
                    @title("t")
                    @severity(LOW)
                    @legalBasis("b")
                    @remediation("r")
                when
                    eval(false)
                then
                end
                """));
        assertThat(problems).filteredOn(p -> p.kind() == RulesetProblem.Kind.METADATA).hasSize(5)
                .allSatisfy(p -> {
                    assertThat(p.file()).isEqualTo("rules/goods/extra.drl");
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.message()).startsWith("rule \"Bare\" lacks @");
                });
        assertThat(problems).filteredOn(p -> p.kind() == RulesetProblem.Kind.DUPLICATE_ID).singleElement()
                .satisfies(p -> {
                    // Whichever of the two the compiler met second is the one that repeats the other.
                    if (p.file().equals("rules/goods/extra.drl")) {
                        assertThat(p.line()).isEqualTo(9);
                        assertThat(p.message()).contains("repeats @id(GOODS-CHPL-T1) of rules/goods/goods.drl:");
                    } else {
                        assertThat(p.file()).isEqualTo("rules/goods/goods.drl");
                        assertThat(p.message()).contains("repeats @id(GOODS-CHPL-T1) of rules/goods/extra.drl:9");
                    }
                });
    }

    @Test
    @DisplayName("a bad reference row is a REFERENCE_DATA problem with its file and line, reported with the rules' own problems")
    void referenceData() {
        String chpl = PROJECT.files().get("reference/chpl.csv").replaceFirst("(?m)^(\\d{6}),1,", "$1,9,");
        RulesetFiles broken = PROJECT.with("reference/chpl.csv", chpl)
                .with("goods/extra.drl", "package rules.goods;\nrule \"Bare\"\nwhen\n    eval(false)\nthen\nend\n");
        RulesetException e = catchThrowableOfType(RulesetException.class, () -> RuleEngine.load(broken));
        RulesetProblem reference = e.problems().get(0);
        assertThat(reference.kind()).isEqualTo(RulesetProblem.Kind.REFERENCE_DATA);
        assertThat(reference.file()).isEqualTo("rules/reference/chpl.csv");
        assertThat(reference.line()).isPositive();
        assertThat(reference.message()).startsWith("expects a six-digit code and a tier");
        assertThat(e.getMessage()).contains("rules/reference/chpl.csv:" + reference.line() + " expects");
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.kind()).isEqualTo(RulesetProblem.Kind.METADATA));

        java.util.Map<String, String> without = new java.util.HashMap<>(PROJECT.files());
        without.remove("reference/transshipment-countries.csv");
        assertThat(problems(RulesetFiles.of("test", without))).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(RulesetProblem.Kind.REFERENCE_DATA);
            assertThat(p.file()).isEqualTo("rules/reference/transshipment-countries.csv");
            assertThat(p.line()).isNull();
        });
    }

    @Test
    @DisplayName("the DRL metadata is read without compiling, as the loaded engine has it")
    void describe() {
        List<RuleDefinition> described = RuleEngine.describe(PROJECT.files());
        List<RuleDefinition> loaded = org.exposure.assessor.testsupport.Engines.project().rules();
        assertThat(described).extracting(RuleDefinition::id, RuleDefinition::title, RuleDefinition::severity,
                        RuleDefinition::file, RuleDefinition::line)
                .containsExactlyElementsOf(loaded.stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.id(), r.title(),
                        r.severity(), r.file(), r.line())).toList());
    }
}
