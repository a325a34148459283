package org.exposure.assessor.lists;

import java.util.Optional;

/**
 * The input is not a file of the expected format (or cannot be read) and was rejected whole: no entry of it is
 * returned, so whatever was loaded before stays in force. For a source read from several files, {@link #part()}
 * names the file at fault (OFAC-SDN: {@code sdn}, {@code alt}, {@code add}).
 */
public class ImportException extends Exception {
    private final String part;
    private final String limit;

    public ImportException(String message) {
        this(message, (Throwable) null);
    }

    public ImportException(String message, Throwable cause) {
        this(null, null, message, cause);
    }

    private ImportException(String part, String limit, String message, Throwable cause) {
        super(message, cause);
        this.part = part;
        this.limit = limit;
    }

    /**
     * The file is larger than a limit of {@link InputLimits} allows (or decompresses to more): not a wrong file, but
     * one the service will not read. {@link #limit()} names the setting.
     */
    public static ImportException tooLarge(String setting, String message) {
        return new ImportException(null, setting, message, null);
    }

    /** This failure, attributed to the named part (unless it already names one). */
    public ImportException inPart(String name) {
        if (part != null) {
            return this;
        }
        ImportException e = new ImportException(name, limit, getMessage(), getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The setting ({@code assessor.lists.max-file-size}, ...) whose limit the file passed, when that is the fault. */
    public Optional<String> limit() {
        return Optional.ofNullable(limit);
    }

    /** The file (part) of a several-file source that was rejected, if the source has several. */
    public Optional<String> part() {
        return Optional.ofNullable(part);
    }
}
