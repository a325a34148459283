package org.exposure.assessor.rulesets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.exposure.assessor.domain.Severity;
import org.exposure.assessor.assessment.RulesetTrial;
import org.exposure.assessor.rules.CompiledRulesStore;
import org.exposure.assessor.rules.RuleDefinition;
import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RulesInForce;
import org.exposure.assessor.rules.RulesetException;
import org.exposure.assessor.rules.RulesetFiles;
import org.exposure.assessor.rules.RulesetProblem;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks a candidate ruleset as the start-up would load it, and runs its examples, without changing anything: the
 * candidate is compiled into an engine of its own that nothing else sees, its compiled rules are not kept on disk,
 * and nothing is stored. The report compares its rules with those in force.
 */
@ApplicationScoped
public class RulesetValidator {
    private static final Logger LOG = Logger.getLogger(RulesetValidator.class);

    private final RulesInForce inForce;
    private final ExampleRunner examples;
    private final CompileGate gate;
    private final RulesetTrial trials;

    RulesetValidator(RulesInForce inForce, ExampleRunner examples, CompileGate gate, RulesetTrial trials) {
        this.inForce = inForce;
        this.examples = examples;
        this.gate = gate;
        this.trials = trials;
    }

    /** A compile is running: try again after {@link CompileGate#RETRY_AFTER_SECONDS}. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("another ruleset is being validated on this instance; one compile runs at a time");
        }
    }

    @Schema(name = "RulesetValidationRule", description = "A rule of the candidate: as compiled, or as the DRL parser reads it when it does not compile.")
    public record RuleSummary(String id, String title, Severity severity, String file, int line) {
    }

    /** The examples that read and ran, and how many of them passed (none run when the rules do not load). */
    @Schema(name = "RulesetValidationExamples")
    public record ExampleCount(int run, int passed) {
    }

    /** The candidate's rules against those in force, by id: added, removed, and changed in their DRL source. */
    @Schema(name = "RulesetValidationComparison")
    public record Comparison(String inForce, List<String> rulesAdded, List<String> rulesRemoved,
                             List<String> rulesChanged) {
    }

    @Schema(name = "RulesetValidationReport", description = "valid: the candidate loads and every example passes. "
            + "trial: what it decides on the last stored assessments beside the ruleset in force, when asked for and valid.")
    public record Report(boolean valid, String version, int files, List<RulesetProblem> problems,
                         List<RuleSummary> rules, ExampleCount examples, Comparison againstInForce,
                         RulesetTrial.Report trial) {
    }

    /**
     * Validates the candidate's files (by path from its root).
     *
     * @throws RulesetArchive.Refused when it holds no .drl file: no ruleset at all
     * @throws Busy                   when another validation is compiling
     */
    public Report validate(Map<String, String> files) {
        return validate(files, 0);
    }

    /**
     * As {@link #validate(Map)}; when {@code trial} is above 0 and the candidate is valid, it is also tried on the
     * last {@code trial} stored assessments ({@link RulesetTrial}), under the same permit (a trial is seconds of CPU
     * too).
     */
    public Report validate(Map<String, String> files, int trial) {
        if (files.keySet().stream().noneMatch(p -> p.endsWith(".drl"))) {
            throw new RulesetArchive.Refused("(body)", "holds no .drl file: a ruleset needs at least one", false);
        }
        RulesetFiles candidate = RulesetFiles.of("candidate", files);
        Optional<CompileGate.Permit> permit = gate.tryEnter();
        if (permit.isEmpty()) {
            throw new Busy();
        }
        try (CompileGate.Permit held = permit.get()) {
            return check(candidate, trial);
        }
    }

    private Report check(RulesetFiles candidate, int trial) {
        List<RulesetProblem> problems = new ArrayList<>();
        RuleEngine engine = null;
        try {
            // Never the store of compiled rules: a candidate must leave nothing behind for a later start to read.
            engine = RuleEngine.load(candidate, CompiledRulesStore.none());
        } catch (RulesetException e) {
            problems.addAll(e.problems().isEmpty()
                    ? List.of(new RulesetProblem(RulesetProblem.Kind.COMPILE, null, null, e.getMessage()))
                    : e.problems());
        } catch (RuntimeException | LinkageError e) {
            // Drools failing on input it does not expect is still a ruleset that does not load, not a server error.
            LOG.warnf("A candidate ruleset failed to load unexpectedly: %s", e.toString());
            problems.add(new RulesetProblem(RulesetProblem.Kind.COMPILE, null, null,
                    "the rules could not be compiled: " + e));
        }
        List<RuleDefinition> rules;
        ExampleCount count;
        if (engine != null) {
            rules = engine.rules();
            ExampleRunner.Outcome outcome = examples.run(engine, candidate.files());
            problems.addAll(outcome.problems());
            count = new ExampleCount(outcome.examples(), outcome.passed());
        } else {
            // What the parser can read of rules that do not compile, so that the comparison still says something.
            rules = RuleEngine.describe(candidate.files());
            problems.addAll(Examples.read(candidate.files()).problems());
            count = new ExampleCount(0, 0);
        }
        RulesetTrial.Report tried = problems.isEmpty() && trial > 0 ? trials.run(engine, trial) : null;
        return new Report(problems.isEmpty(), candidate.version(), candidate.files().size(), problems,
                rules.stream().map(r -> new RuleSummary(r.id(), r.title(), r.severity(), r.file(), r.line())).toList(),
                count, compare(rules), tried);
    }

    private Comparison compare(List<RuleDefinition> candidate) {
        RuleEngine engine = inForce.current();
        Map<String, RuleDefinition> now = byId(engine.rules());
        Map<String, RuleDefinition> next = byId(candidate);
        List<String> added = next.keySet().stream().filter(id -> !now.containsKey(id)).sorted().toList();
        List<String> removed = now.keySet().stream().filter(id -> !next.containsKey(id)).sorted().toList();
        List<String> changed = next.keySet().stream().filter(now::containsKey)
                .filter(id -> !Objects.equals(now.get(id).source(), next.get(id).source())).sorted().toList();
        return new Comparison(engine.version(), added, removed, changed);
    }

    private static Map<String, RuleDefinition> byId(List<RuleDefinition> rules) {
        Map<String, RuleDefinition> out = new LinkedHashMap<>();
        rules.stream().filter(r -> r.id() != null).forEach(r -> out.putIfAbsent(r.id(), r));
        return out;
    }
}
