package org.exposure.assessor.lists;

import org.exposure.assessor.config.AssessorConfig;

/**
 * How much a list file may make the service read and hold, whoever sent it (upload, download, start-up directory).
 * The readers of CSV and XML hold a file in memory, and a gzipped one once more decompressed, so without these a
 * small hostile file (a gzip of zeros, an element nested a hundred thousand times, one line of gigabytes) would
 * exhaust the heap or the stack and take every other request down with it.
 *
 * @param maxFileSize         most bytes of a file, counted both as sent and, when compressed, decompressed
 * @param maxCompressionRatio most bytes decompressed per compressed byte, once past {@link #RATIO_FLOOR}
 * @param maxXmlDepth         deepest nesting of XML elements, the root being depth 1
 * @param maxRecordSize       most characters of one record: a line of JSON lines, the text of one XML record
 */
public record InputLimits(long maxFileSize, int maxCompressionRatio, int maxXmlDepth, int maxRecordSize) {
    public static final String MAX_FILE_SIZE = "assessor.lists.max-file-size";
    public static final String MAX_COMPRESSION_RATIO = "assessor.lists.max-compression-ratio";
    public static final String MAX_XML_DEPTH = "assessor.lists.max-xml-depth";
    public static final String MAX_RECORD_SIZE = "assessor.lists.max-record-size";

    /**
     * Below this many decompressed bytes the ratio is not looked at: a small file of repetitive text (a header and a
     * few rows) legitimately compresses far better than a whole list does.
     */
    public static final long RATIO_FLOOR = 1L << 20;

    /** Java arrays hold at most this many bytes; a file read whole cannot be larger, whatever the setting says. */
    public static final long ARRAY_MAX = Integer.MAX_VALUE - 8;

    /** The defaults of {@link AssessorConfig.Lists}, for readers built outside the container (tests, tools). */
    public static final InputLimits DEFAULT = new InputLimits(1L << 30, 100, 64, 16 << 20);

    public InputLimits {
        if (maxFileSize < 1 || maxCompressionRatio < 1 || maxXmlDepth < 2 || maxRecordSize < 1) {
            throw new IllegalArgumentException("input limits must be positive (the XML depth at least 2)");
        }
        maxFileSize = Math.min(maxFileSize, ARRAY_MAX);
    }

    public static InputLimits of(AssessorConfig.Lists lists) {
        // MemorySize takes no range annotation: checked here, with the key named.
        if (lists.maxFileSize().asLongValue() < 1) {
            throw new IllegalArgumentException(MAX_FILE_SIZE + " must be at least 1 byte");
        }
        if (lists.maxRecordSize().asLongValue() < 1) {
            throw new IllegalArgumentException(MAX_RECORD_SIZE + " must be at least 1 byte");
        }
        return new InputLimits(lists.maxFileSize().asLongValue(), lists.maxCompressionRatio(), lists.maxXmlDepth(),
                (int) Math.min(Integer.MAX_VALUE, lists.maxRecordSize().asLongValue()));
    }

    /** A byte count as people read it: 1 GiB, 16 MiB, 512 KiB, 100 bytes. */
    public static String bytes(long n) {
        if (n >= 1L << 30 && n % (1L << 30) == 0) {
            return (n >> 30) + " GiB";
        }
        if (n >= 1L << 20 && n % (1L << 20) == 0) {
            return (n >> 20) + " MiB";
        }
        if (n >= 1L << 10 && n % (1L << 10) == 0) {
            return (n >> 10) + " KiB";
        }
        return n + " bytes";
    }
}
