package org.exposure.assessor.domain;

import java.util.List;

/**
 * A normalised subject with what the intake noticed while normalising it (e.g. a ten-digit tariff code cut to its
 * HS-6): the subject alone no longer shows what the client sent, so these notes travel with it to the assessment,
 * which stores them among its warnings.
 */
public record Submission(Subject subject, List<Warning> warnings) {
    public Submission {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public static Submission of(Subject subject) {
        return new Submission(subject, List.of());
    }
}
