package org.exposure.assessor.api;

import java.util.List;

import org.exposure.assessor.intake.FieldError;

/** Query parameters read the same way by every resource: a bad one is a field error naming it, never a 500. */
final class QueryParams {
    private QueryParams() {
    }

    /**
     * A whole number in {@code min..max}, {@code absent} when the parameter is missing or blank. A value that is not
     * a number, or out of range, adds an error naming the parameter and gives {@code absent}.
     */
    static int integer(String name, String value, int absent, int min, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
            errors.add(new FieldError(name, "must be between " + min + " and " + max));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "must be a whole number, got \"" + value + "\""));
        }
        return absent;
    }
}
