package org.exposure.assessor.rulesets;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.exposure.assessor.domain.Finding;
import org.exposure.assessor.intake.FieldError;
import org.exposure.assessor.intake.SubjectDecoder;
import org.exposure.assessor.rules.ListMatch;
import org.exposure.assessor.rules.RuleDefinition;
import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RulesetProblem;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs a ruleset's examples against its engine: each subject is decoded exactly as the API decodes a request body
 * (same checks, same field paths), assessed with the list matches it gives (none by default) on its day, and the
 * rules that fired are held to the example's mustFire and mustNotFire. Every shortfall is a problem of kind EXAMPLE
 * naming the file and the example.
 */
@ApplicationScoped
public class ExampleRunner {
    private final SubjectDecoder decoder;

    public ExampleRunner(SubjectDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * What the examples of a ruleset found: how many read and ran, how many of those passed, and the problems (of
     * the examples that failed, and of those that did not read).
     */
    public record Outcome(int examples, int passed, List<RulesetProblem> problems) {
    }

    /** Reads and runs every example of {@code files} against {@code engine} (which was loaded from those files). */
    public Outcome run(RuleEngine engine, Map<String, String> files) {
        Examples.Read read = Examples.read(files);
        List<RulesetProblem> problems = new ArrayList<>(read.problems());
        Set<String> known = engine.rules().stream().map(RuleDefinition::id).collect(Collectors.toSet());
        int passed = 0;
        for (Examples.Example example : read.examples()) {
            List<String> failures = check(engine, known, example);
            failures.forEach(f -> problems.add(Examples.problem(example.file(), example.line(),
                    example.label() + ": " + f)));
            if (failures.isEmpty()) {
                passed++;
            }
        }
        return new Outcome(read.examples().size(), passed, problems);
    }

    private List<String> check(RuleEngine engine, Set<String> known, Examples.Example example) {
        List<String> failures = new ArrayList<>();
        for (String id : example.mustFire()) {
            if (!known.contains(id)) {
                failures.add("mustFire names " + id + ", which no rule of the ruleset has as @id");
            }
        }
        for (String id : example.mustNotFire()) {
            if (!known.contains(id)) {
                // A misspelt id would otherwise pass for ever, whatever the rules do.
                failures.add("mustNotFire names " + id + ", which no rule of the ruleset has as @id");
            }
        }
        SubjectDecoder.Decoded decoded = decoder.decode(example.subject());
        if (!decoded.errors().isEmpty()) {
            for (FieldError e : decoded.errors()) {
                String field = e.field() == null || e.field().isEmpty() || e.field().startsWith("(")
                        ? "subject" : "subject." + e.field();
                failures.add(field + ": " + e.message());
            }
            return failures;
        }
        LocalDate on = example.assessedOn() == null ? LocalDate.now(ZoneOffset.UTC) : example.assessedOn();
        // The version a match names is the list's; an example has none, so it says where the match comes from.
        List<ListMatch> matches = example.matches().stream().map(m -> new ListMatch(m.party(), m.role(), m.name(),
                m.source(), m.list(), "example", m.entryId(), m.name(), m.name(), m.score(), m.programs(),
                m.secondarySanctionsRisk(), List.of())).toList();
        List<Finding> findings = engine.evaluate(decoded.subject(), matches, on);
        Set<String> fired = new LinkedHashSet<>();
        findings.forEach(f -> fired.add(f.ruleId()));
        for (String id : example.mustFire()) {
            if (known.contains(id) && !fired.contains(id)) {
                failures.add(id + " must fire but did not (fired: " + (fired.isEmpty() ? "none" : String.join(", ", fired)) + ")");
            }
        }
        for (String id : example.mustNotFire()) {
            if (fired.contains(id)) {
                failures.add(id + " must not fire but did (fired: " + String.join(", ", fired) + ")");
            }
        }
        return failures;
    }
}
