package org.exposure.assessor.lists;

import java.util.Optional;

/**
 * The input is not a file of the expected format (or cannot be read) and was rejected whole: no entry of it is
 * returned, so whatever was loaded before stays in force. For a source read from several files, {@link #part()}
 * names the file at fault (OFAC-SDN: {@code sdn}, {@code alt}, {@code add}).
 */
public class ImportException extends Exception {
    private final String part;

    public ImportException(String message) {
        this(message, (Throwable) null);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
        this.part = null;
    }

    private ImportException(String part, String message, Throwable cause) {
        super(message, cause);
        this.part = part;
    }

    /** This failure, attributed to the named part (unless it already names one). */
    public ImportException inPart(String name) {
        if (part != null) {
            return this;
        }
        ImportException e = new ImportException(name, getMessage(), getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The file (part) of a several-file source that was rejected, if the source has several. */
    public Optional<String> part() {
        return Optional.ofNullable(part);
    }
}
