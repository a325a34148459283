package org.exposure.assessor.lists;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reading whole inputs, hashing them and recognising what a wrong file is. */
public final class Inputs {
    private Inputs() {
    }

    public static byte[] readAll(InputStream in, String what) throws ImportException {
        if (in == null) {
            throw new ImportException(what + ": no input");
        }
        try (InputStream s = in) {
            return s.readAllBytes();
        } catch (IOException e) {
            throw new ImportException(what + ": cannot read input: " + e.getMessage(), e);
        }
    }

    public static byte[] readAll(Path path, String what) throws ImportException {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ImportException(what + ": cannot read " + path + ": " + e, e);
        }
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
