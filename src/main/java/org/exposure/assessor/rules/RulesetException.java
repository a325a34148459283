package org.exposure.assessor.rules;

import java.util.List;

/**
 * The ruleset on disk cannot be used: a rule does not compile, lacks its metadata, or a reference file is broken.
 * The message names the file and line of each problem for the start-up log; {@link #problems()} holds the same as
 * values for whoever reports them otherwise (the validation of a candidate ruleset).
 */
public class RulesetException extends RuntimeException {
    private final List<RulesetProblem> problems;

    public RulesetException(String message) {
        this(message, List.of());
    }

    public RulesetException(String message, List<RulesetProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public RulesetException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of();
    }

    public RulesetException(String message, List<RulesetProblem> problems, Throwable cause) {
        super(message, cause);
        this.problems = List.copyOf(problems);
    }

    /** Each problem with its kind, file and line; empty when the failure is of the ruleset as a whole. */
    public List<RulesetProblem> problems() {
        return problems;
    }
}
