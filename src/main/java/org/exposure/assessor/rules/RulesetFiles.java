package org.exposure.assessor.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The text files of a ruleset (DRL and reference data), keyed by their path relative to the ruleset's root with
 * '/' separators, and the ruleset's version: a SHA-256 over every path and content, so that any edit to a rule or
 * a code list gives a new version.
 */
public final class RulesetFiles {
    /** Where the packaged ruleset lives on the class path (the project's {@code rules/} folder). */
    public static final String CLASSPATH_ROOT = "rules";

    private final String origin;
    private final Map<String, String> files;
    private final String version;

    private RulesetFiles(String origin, Map<String, String> files) {
        this.origin = origin;
        this.files = Map.copyOf(files);
        this.version = hash(new TreeMap<>(files));
    }

    /**
     * A ruleset from files already read (a stored version, an uploaded candidate): {@code files} by path relative
     * to the root with '/' separators. {@code origin} says where they came from, for messages.
     */
    public static RulesetFiles of(String origin, Map<String, String> files) {
        return new RulesetFiles(origin, files);
    }

    public static RulesetFiles fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RulesetException("the rules directory " + dir.toAbsolutePath() + " does not exist or is not a directory");
        }
        return new RulesetFiles(dir.toAbsolutePath().normalize().toString(), readTree(dir));
    }

    public static RulesetFiles fromClasspath() {
        URL url = Thread.currentThread().getContextClassLoader().getResource(CLASSPATH_ROOT);
        if (url == null) {
            url = RulesetFiles.class.getClassLoader().getResource(CLASSPATH_ROOT);
        }
        if (url == null) {
            throw new RulesetException("no packaged ruleset: '" + CLASSPATH_ROOT + "' is not on the class path");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                // Packaged application: walk the folder inside the jar through a zip file system.
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return new RulesetFiles("classpath:" + CLASSPATH_ROOT, readTree(fs.provider().getPath(uri)));
            }
            return new RulesetFiles("classpath:" + CLASSPATH_ROOT, readTree(Path.of(uri)));
        } catch (URISyntaxException | IOException e) {
            throw new RulesetException("cannot read the packaged ruleset at " + url + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> readTree(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(Files::isRegularFile).forEach(p -> {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.endsWith("/")) {
                    rel = rel.substring(0, rel.length() - 1);
                }
                try {
                    out.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new RulesetException("cannot read the ruleset under " + root + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static String hash(Map<String, String> sorted) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            sorted.forEach((path, content) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(content.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * This ruleset with the file at {@code path} (relative to the root) replaced by {@code content}, under a new
     * version: a ruleset that differs by one reference list, e.g. to try a change before it is made.
     */
    public RulesetFiles with(String path, String content) {
        Map<String, String> changed = new java.util.TreeMap<>(files);
        changed.put(path, content);
        return new RulesetFiles(origin + " (with " + path + " replaced)", changed);
    }

    /** Where the files came from, for messages: an absolute directory or classpath:rules. */
    public String origin() {
        return origin;
    }

    public Map<String, String> files() {
        return files;
    }

    public String version() {
        return version;
    }
}
