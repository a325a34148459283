package org.exposure.assessor.lists;

/**
 * The input is not a file of the expected format (or cannot be read) and was rejected whole: no entry of it is
 * returned, so whatever was loaded before stays in force.
 */
public class ImportException extends Exception {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
