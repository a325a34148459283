package org.exposure.assessor.lists;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

import org.exposure.assessor.support.CappedInputStream;

/** Reading whole inputs, hashing them and recognising what a wrong file is. */
public final class Inputs {
    private Inputs() {
    }

    /** As {@link #readAll(InputStream, String, InputLimits)} with the default limits. */
    public static byte[] readAll(InputStream in, String what) throws ImportException {
        return readAll(in, what, InputLimits.DEFAULT);
    }

    /**
     * Everything the stream holds, closed afterwards; a stream longer than {@link InputLimits#maxFileSize()} is
     * rejected as soon as it passes the limit, before the rest is read.
     */
    public static byte[] readAll(InputStream in, String what, InputLimits limits) throws ImportException {
        if (in == null) {
            throw new ImportException(what + ": no input");
        }
        byte[] bytes;
        try (InputStream s = in) {
            // One byte more than allowed tells "exactly the limit" from "more".
            bytes = s.readNBytes((int) Math.min(InputLimits.ARRAY_MAX, limits.maxFileSize() + 1));
        } catch (IOException e) {
            throw new ImportException(what + ": cannot read input: " + e.getMessage(), e);
        }
        if (bytes.length > limits.maxFileSize()) {
            throw tooLarge(what, "is larger than", limits);
        }
        return bytes;
    }

    public static byte[] readAll(Path path, String what) throws ImportException {
        return readAll(path, what, InputLimits.DEFAULT);
    }

    public static byte[] readAll(Path path, String what, InputLimits limits) throws ImportException {
        try {
            if (Files.size(path) > limits.maxFileSize()) {
                throw tooLarge(what, "is larger than", limits);
            }
            return readAll(Files.newInputStream(path), what, limits);
        } catch (IOException e) {
            throw new ImportException(what + ": cannot read " + path + ": " + e, e);
        }
    }

    /**
     * Decompresses a gzip file held in memory, giving up as soon as the result passes
     * {@link InputLimits#maxFileSize()} or, past {@link InputLimits#RATIO_FLOOR} bytes, more than
     * {@link InputLimits#maxCompressionRatio()} times the compressed size: a gzip of zeros must be stopped while it
     * unpacks, not once it has filled the heap.
     */
    public static byte[] gunzip(byte[] raw, String what, InputLimits limits) throws ImportException {
        long ratioLimit = Math.max(InputLimits.RATIO_FLOOR, (long) raw.length * limits.maxCompressionRatio());
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(32, (int) Math.min(raw.length * 4L, 1 << 26)));
        try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n = gz.read(buffer); n >= 0; n = gz.read(buffer)) {
                total += n;
                if (total > limits.maxFileSize()) {
                    throw tooLarge(what, "decompresses to more than", limits);
                }
                if (total > ratioLimit) {
                    throw ImportException.tooLarge(InputLimits.MAX_COMPRESSION_RATIO, what + ": the gzip of "
                            + raw.length + " bytes decompresses to more than " + limits.maxCompressionRatio()
                            + " times its size (" + InputLimits.MAX_COMPRESSION_RATIO + "), file rejected");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new ImportException(what + ": corrupt or truncated gzip, file rejected: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * The stream, failing with {@link TooLarge} once more than {@link InputLimits#maxFileSize()} bytes have been read
     * from it: for readers that stream a file rather than hold it.
     */
    public static InputStream limited(InputStream in, InputLimits limits) {
        return new CappedInputStream(in, limits.maxFileSize(), max -> {
            throw new TooLarge(limits);
        });
    }

    /** Thrown by a {@link #limited} stream; {@link #problem(String)} is what the reader reports. */
    public static final class TooLarge extends IOException {
        private final InputLimits limits;

        TooLarge(InputLimits limits) {
            super("larger than " + InputLimits.bytes(limits.maxFileSize()));
            this.limits = limits;
        }

        public ImportException problem(String what) {
            return tooLarge(what, "is larger than", limits);
        }
    }

    private static ImportException tooLarge(String what, String verb, InputLimits limits) {
        return ImportException.tooLarge(InputLimits.MAX_FILE_SIZE, what + ": the file " + verb + " "
                + InputLimits.bytes(limits.maxFileSize()) + " (" + InputLimits.MAX_FILE_SIZE + "), file rejected");
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The content hash of one file as every importer defines it ({@link ImportResult#sha256()}): SHA-256 of the raw
     * bytes (a gzipped file's compressed bytes), lower-case hex.
     */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** {@link #sha256(byte[])} of everything the stream holds, read in blocks rather than whole; closes it. */
    public static String sha256(InputStream in) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream s = in) {
            byte[] buffer = new byte[1 << 16];
            for (int n = s.read(buffer); n >= 0; n = s.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    public static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
    }

    /**
     * What a file obviously is when it is one of the usual wrong uploads (HTML, XML, JSON, gzip, zip, PDF, empty),
     * else null.
     */
    public static String obviousKind(byte[] b) {
        int i = 0;
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        if (i >= b.length) {
            return "an empty file";
        }
        if (isGzip(b)) {
            return "a gzip file";
        }
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            return "a zip file";
        }
        if (b.length >= 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') {
            return "a PDF file";
        }
        if (b[i] == '<') {
            String head = new String(b, i, Math.min(200, b.length - i), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .toLowerCase(java.util.Locale.ROOT);
            return head.startsWith("<!doctype html") || head.startsWith("<html") ? "an HTML page" : "an XML or HTML document";
        }
        if (b[i] == '{' || b[i] == '[') {
            return "a JSON document";
        }
        return null;
    }
}
