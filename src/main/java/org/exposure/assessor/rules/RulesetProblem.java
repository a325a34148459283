package org.exposure.assessor.rules;

/**
 * One thing wrong with a ruleset, as a structured value: the same facts as a {@link RulesetException}'s message, so
 * that a validation report can list them without parsing the message back.
 *
 * @param kind    what sort of problem
 * @param file    the file from the ruleset's root, prefixed {@code rules/} as every message of the service names it;
 *                null when the problem is of no one file
 * @param line    the line in {@code file}, 1-based; null when unknown
 * @param message what is wrong, without the file and line
 */
public record RulesetProblem(Kind kind, String file, Integer line, String message) {

    public enum Kind {
        /** The DRL does not parse or compile. */
        COMPILE,
        /** A rule lacks one of the catalogue's metadata, or has a severity outside the scale. */
        METADATA,
        /** Two rules share an {@code @id}. */
        DUPLICATE_ID,
        /** A reference file (a code list of rules/reference) is missing or has a bad row. */
        REFERENCE_DATA,
        /** An example beside the rules does not read, or the rules do not do what it says. */
        EXAMPLE
    }

    public RulesetProblem {
        if (line != null && line <= 0) {
            line = null;
        }
    }
}
