package org.exposure.assessor.lists.download;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A download that did not deliver a file: an HTTP error status, a timeout, a connection failure, a file too large,
 * or no room to keep it.
 */
public class DownloadException extends Exception {
    /** Why the download failed. */
    public enum Kind {
        /** The server answered with a status other than 200 (or 304 to a conditional request). */
        STATUS,
        /** No connection, or the answer did not complete, within the configured time. */
        TIMEOUT,
        /** The connection failed or broke off. */
        CONNECTION,
        /** The answer was larger than {@code assessor.lists.download.max-size}. */
        TOO_LARGE,
        /** The file could not be written to temporary storage here (a full disk): the server is not at fault. */
        STORAGE
    }

    private final Kind kind;
    private final int status;
    private final String url;
    private final String part;

    DownloadException(Kind kind, String url, int status, String message, Throwable cause) {
        this(kind, url, status, message, cause, null);
    }

    private DownloadException(Kind kind, String url, int status, String message, Throwable cause, String part) {
        super(message, cause);
        this.kind = kind;
        this.url = url;
        this.status = status;
        this.part = part;
    }

    /** This failure, attributed to the named file of a source (OFAC-SDN: sdn, alt, add). */
    DownloadException inPart(String name) {
        DownloadException e = new DownloadException(kind, url, status, getMessage(), getCause(), name);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** Which file of the source failed, when known. */
    public Optional<String> part() {
        return Optional.ofNullable(part);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status the server answered, for {@link Kind#STATUS}. */
    public OptionalInt status() {
        return kind == Kind.STATUS ? OptionalInt.of(status) : OptionalInt.empty();
    }

    /** The URL, without credentials or query string. */
    public String url() {
        return url;
    }
}
