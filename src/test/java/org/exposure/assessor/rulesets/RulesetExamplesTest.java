package org.exposure.assessor.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RulesetFiles;
import org.exposure.assessor.rules.RulesetProblem;
import org.exposure.assessor.testsupport.Engines;
import org.exposure.assessor.testsupport.Intake;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The examples compliance officers keep beside the rules (rules/&#42;/examples/&#42;.yaml), run in the build: a rule
 * change that breaks one fails here naming the file, the line and the example. Also what the runner reports for
 * examples that are wrong, on small fixtures beside the project's rules.
 */
class RulesetExamplesTest {
    private static final Path RULES = Path.of("rules");
    private static final ExampleRunner RUNNER = new ExampleRunner(Intake.decoder());

    private static String describe(List<RulesetProblem> problems) {
        return problems.stream().map(p -> p.file() + ":" + p.line() + " " + p.message()).collect(Collectors.joining("\n"));
    }

    @Test
    @DisplayName("every example of the project's rules/ passes")
    void projectExamplesPass() {
        RuleEngine engine = Engines.project();
        ExampleRunner.Outcome outcome = RUNNER.run(engine, engine.files());
        assertThat(outcome.problems()).as("failing examples:\n%s", describe(outcome.problems())).isEmpty();
        assertThat(outcome.passed()).isEqualTo(outcome.examples()).isGreaterThanOrEqualTo(25);
    }

    @Test
    @DisplayName("each rule folder has an example file, and together they make at least 15 rules fire and keep 15 silent")
    void examplesCoverTheRuleFolders() {
        Map<String, String> files = RulesetFiles.fromDirectory(RULES).files();
        Examples.Read read = Examples.read(files);
        assertThat(read.problems()).isEmpty();
        Set<String> folders = read.examples().stream().map(e -> e.file().split("/")[1]).collect(Collectors.toCollection(TreeSet::new));
        assertThat(folders).containsExactly("bank", "goods", "lists", "ownership", "supplier");
        Set<String> fired = read.examples().stream().flatMap(e -> e.mustFire().stream()).collect(Collectors.toSet());
        Set<String> silent = read.examples().stream().flatMap(e -> e.mustNotFire().stream()).collect(Collectors.toSet());
        assertThat(fired).hasSizeGreaterThanOrEqualTo(15);
        assertThat(silent).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    @DisplayName("the example files are part of the ruleset's version, and the reference data ignores them")
    void examplesAreInTheVersion() {
        RulesetFiles project = RulesetFiles.fromDirectory(RULES);
        assertThat(project.files()).containsKey("goods/examples/goods.yaml");
        RulesetFiles edited = project.with("goods/examples/goods.yaml", project.files().get("goods/examples/goods.yaml") + "\n");
        assertThat(edited.version()).isNotEqualTo(project.version());
        // A file the reference data does not know, beside the rules: the ruleset still loads.
        RuleEngine engine = RuleEngine.load(project.with("reference/examples/notes.yaml", "- not: an example of rules\n"));
        assertThat(engine.rules()).isNotEmpty();
    }

    private static Map<String, String> withExample(String yaml) {
        Map<String, String> files = new HashMap<>(Engines.project().files());
        files.put("goods/examples/wrong.yaml", yaml);
        return files;
    }

    private static List<RulesetProblem> problemsOf(String yaml) {
        return RUNNER.run(Engines.project(), withExample(yaml)).problems();
    }

    @Test
    @DisplayName("an example whose rule does not fire, or fires when it must not, fails naming the file, line, example and rule")
    void failingExample() {
        List<RulesetProblem> problems = problemsOf("""
                - name: ok
                  subject: {type: GOODS, hsCode: "8542.31", destinationCountry: DE}
                  mustFire: [GOODS-CHPL-T1]
                - name: chips to Germany are not a transshipment
                  subject: {type: GOODS, hsCode: "8542.31", destinationCountry: DE}
                  mustFire: [GOODS-TRANSSHIPMENT]
                  mustNotFire: [GOODS-CHPL-T1]
                """);
        assertThat(problems).hasSize(2).allSatisfy(p -> {
            assertThat(p.kind()).isEqualTo(RulesetProblem.Kind.EXAMPLE);
            assertThat(p.file()).isEqualTo("rules/goods/examples/wrong.yaml");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).startsWith("example \"chips to Germany are not a transshipment\": ");
        });
        assertThat(problems.get(0).message()).contains("GOODS-TRANSSHIPMENT must fire but did not", "fired: GOODS-CHPL-T1");
        assertThat(problems.get(1).message()).contains("GOODS-CHPL-T1 must not fire but did");
    }

    @Test
    @DisplayName("an invalid subject is reported with the field the API would name, prefixed subject.")
    void invalidSubject() {
        List<RulesetProblem> problems = problemsOf("""
                - name: a bad code
                  subject: {type: GOODS, hsCode: "85X", destinationCountry: DEU}
                  mustFire: [GOODS-CHPL-T1]
                """);
        assertThat(problems).extracting(RulesetProblem::message)
                .anySatisfy(m -> assertThat(m).startsWith("example \"a bad code\": subject.hsCode: "))
                .anySatisfy(m -> assertThat(m).startsWith("example \"a bad code\": subject.destinationCountry: "));
    }

    @Test
    @DisplayName("a rule id no rule has, a missing name or subject, an unknown key and YAML that does not parse are problems")
    void malformedExamples() {
        assertThat(problemsOf("""
                - name: typo
                  subject: {type: GOODS, hsCode: "8542.31", destinationCountry: DE}
                  mustNotFire: [GOODS-CHPL-T9]
                """)).singleElement().extracting(RulesetProblem::message).asString()
                .contains("mustNotFire names GOODS-CHPL-T9, which no rule of the ruleset has as @id");
        assertThat(problemsOf("""
                - mustFire: [GOODS-CHPL-T1]
                  expect: HIGH
                """)).extracting(RulesetProblem::message)
                .contains("example 1: name: is required (a short text naming the case)",
                        "example 1: expect: is not a key of an example (name, subject, assessedOn, matches, mustFire, mustNotFire)",
                        "example 1: subject: is required: the JSON body of one assessment, as YAML");
        assertThat(problemsOf("name: not a list\n")).singleElement().extracting(RulesetProblem::message).asString()
                .contains("must be a list of examples");
        assertThat(problemsOf("- name: [unclosed\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("is not valid YAML: "));
    }

    @Test
    @DisplayName("matches give the rules the parties found on a list; a match without what the rules read is a problem")
    void matches() {
        String yaml = """
                - name: an SDN match
                  subject: {type: SUPPLIER, name: Yilufa Electronics Ltd., website: https://y.example}
                  %s
                  mustFire: [LIST-SDN]
                """;
        assertThat(problemsOf(yaml.formatted("matches: [{role: SUBJECT, name: YILUFA, source: OFAC-SDN, entryId: \"1\"}]")))
                .isEmpty();
        assertThat(problemsOf(yaml.formatted("matches: [{role: SUBJECT, name: YILUFA, source: UN, entryId: \"1\"}]")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("LIST-SDN must fire but did not"));
        assertThat(problemsOf(yaml.formatted("matches: [{role: OWNER, name: YILUFA, entryId: \"1\", score: 2, colour: red}]")))
                .extracting(RulesetProblem::message)
                .contains("example \"an SDN match\": matches[0].party: is required for a party other than the subject, e.g. owners[0]",
                        "example \"an SDN match\": matches[0].source: is required",
                        "example \"an SDN match\": matches[0].score: must be a number from 0 to 1")
                .anySatisfy(m -> assertThat(m).contains("matches[0].colour: is not a key of a match"));
        assertThat(problemsOf(yaml.formatted("matches: [{party: subject, role: BUYER, name: YILUFA, source: OFAC-SDN, entryId: \"1\"}]")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("matches[0].role: must be one of"));
    }

    @Test
    @DisplayName("assessedOn sets the day whose law applies to an undated shipment")
    void assessedOn() {
        String yaml = """
                - name: German chips to Kazakhstan without the clause, assessed %s
                  subject: {type: GOODS, country: DE, hsCode: "8542.31", originCountry: DE, destinationCountry: KZ, noReexportClause: false}
                  assessedOn: %s
                  mustFire: [GOODS-NO-REEXPORT-CLAUSE]
                """;
        assertThat(problemsOf(yaml.formatted("2024-03-20", "2024-03-20"))).isEmpty();
        assertThat(problemsOf(yaml.formatted("2024-03-19", "2024-03-19"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("GOODS-NO-REEXPORT-CLAUSE must fire but did not"));
    }
}
