package org.exposure.assessor.screening;

import java.util.List;

/**
 * A subject has names to screen, screening is required ({@code assessor.lists.required}) and no sanctions list is
 * in force: the subject is not assessed rather than assessed unscreened.
 */
public class ListsUnavailableException extends RuntimeException {
    private final List<String> missing;

    public ListsUnavailableException(List<String> missing) {
        super("no sanctions list is in force" + (missing.isEmpty() ? "" : " (expected: " + String.join(", ", missing) + ")")
                + ": names cannot be screened");
        this.missing = List.copyOf(missing);
    }

    /** The sources expected but not in force. */
    public List<String> missing() {
        return missing;
    }
}
