package org.exposure.assessor.rulesets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.exposure.assessor.support.CappedInputStream;

/**
 * A candidate ruleset from a zip archive sent by a client, read defensively: the archive is untrusted, so every
 * path is checked before it is used as a key, and entries and bytes are counted while they are inflated (the sizes
 * a zip's headers declare are the sender's word, and a zip bomb lies in them).
 */
public final class RulesetArchive {
    /** At most this many entries, directories included: a ruleset is a few dozen files. */
    public static final int MAX_ENTRIES = 500;
    /** At most this many bytes once inflated, all entries together. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    /** The archive itself may be a little larger than what it holds (headers, a stored entry's framing). */
    static final long MAX_ARCHIVE_BYTES = MAX_BYTES + 4L * 1024 * 1024;
    private static final String ROOT = "rules/";

    private RulesetArchive() {
    }

    /** Why an archive cannot be used: {@code entry} names the entry at fault, or "(body)". */
    public static final class Refused extends RuntimeException {
        private final String entry;
        private final boolean tooLarge;

        Refused(String entry, String message, boolean tooLarge) {
            super(message);
            this.entry = entry;
            this.tooLarge = tooLarge;
        }

        public String entry() {
            return entry;
        }

        /** A limit was passed (entries or bytes), rather than the archive being malformed. */
        public boolean tooLarge() {
            return tooLarge;
        }
    }

    /**
     * The ruleset's files by path from its root: the archive's entries under a top-level rules/ directory when all
     * of them are there, else the entries as they are. Directories are not files of the ruleset.
     */
    public static Map<String, String> read(InputStream body) {
        PushbackInputStream in = new PushbackInputStream(new CappedInputStream(body, MAX_ARCHIVE_BYTES, max -> {
            // A chunked body announces no length: counted as it is read.
            throw new IOException(new Refused("(body)", "is larger than " + max + " bytes", true));
        }), 4);
        try {
            byte[] magic = in.readNBytes(4);
            if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || !(magic[2] == 3 && magic[3] == 4
                    || magic[2] == 5 && magic[3] == 6)) {
                throw new Refused("(body)", "is not a zip archive (a zip begins with the bytes PK\\3\\4)", false);
            }
            in.unread(magic);
            Map<String, String> files = new LinkedHashMap<>();
            int entries = 0;
            long total = 0;
            try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
                ZipEntry entry;
                byte[] buffer = new byte[8192];
                while ((entry = zip.getNextEntry()) != null) {
                    if (++entries > MAX_ENTRIES) {
                        throw new Refused("(body)", "holds more than " + MAX_ENTRIES + " entries", true);
                    }
                    String name = entry.getName();
                    String path = path(name);
                    if (entry.isDirectory()) {
                        continue;
                    }
                    ByteArrayOutputStream content = new ByteArrayOutputStream();
                    int n;
                    while ((n = zip.read(buffer)) > 0) {
                        total += n;
                        if (total > MAX_BYTES) {
                            throw new Refused(name, "inflates to more than " + MAX_BYTES + " bytes (all entries together, "
                                    + "counted while reading)", true);
                        }
                        content.write(buffer, 0, n);
                    }
                    if (files.containsKey(path)) {
                        throw new Refused(name, "is in the archive twice", false);
                    }
                    files.put(path, utf8(name, content.toByteArray()));
                }
            }
            return rooted(files);
        } catch (Refused e) {
            throw e;
        } catch (ZipException e) {
            throw new Refused("(body)", "is not a readable zip archive: " + e.getMessage(), false);
        } catch (IOException e) {
            if (e.getCause() instanceof Refused r) {
                throw r;
            }
            throw new Refused("(body)", "cannot be read to its end: " + e.getMessage(), false);
        }
    }

    /** The entry's name as a path from the root, refused when absolute or when it climbs out. */
    private static String path(String name) {
        String path = name.replace('\\', '/');
        if (path.isEmpty()) {
            throw new Refused("(body)", "holds an entry without a name", false);
        }
        if (path.startsWith("/") || path.matches("[A-Za-z]:.*")) {
            throw new Refused(name, "is an absolute path; entries must be relative to the ruleset's root", false);
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                throw new Refused(name, "contains '..': entries must stay inside the ruleset's root", false);
            }
        }
        if (path.chars().anyMatch(ch -> ch < 0x20)) {
            throw new Refused(name, "has a control character in its name", false);
        }
        String clean = path.replaceAll("/+", "/").replaceAll("(^|/)\\./", "$1");
        return clean.endsWith("/") ? clean.substring(0, clean.length() - 1) : clean;
    }

    private static String utf8(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(name, "is not UTF-8 text (the files of a ruleset are UTF-8)", false);
        }
    }

    /** Under rules/ when every file is, so that a zip of the folder and a zip of its content read alike. */
    private static Map<String, String> rooted(Map<String, String> files) {
        if (!files.isEmpty() && files.keySet().stream().allMatch(p -> p.startsWith(ROOT))) {
            Map<String, String> out = new TreeMap<>();
            files.forEach((p, c) -> out.put(p.substring(ROOT.length()), c));
            return out;
        }
        return new TreeMap<>(files);
    }
}
