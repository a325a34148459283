package org.exposure.assessor.rules;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * A directory of compiled rulesets (Drools kjars holding the executable model's classes), so that a restart loads
 * the classes a previous start compiled instead of compiling the DRL again: most of a start's time on a small
 * machine.
 * <p>
 * A file is named by a SHA-256 over the DRL's own digest and over everything the generated code was compiled
 * against: the application's classes (the facts and helpers the rules call), the Drools build and the Java
 * release. Any change to one of them gives another name, so a stale file is never loaded, only left behind;
 * {@link #prune} keeps the newest few. Files are written whole under a temporary name and moved into place, so
 * that instances sharing the directory never read half a file.
 * <p>
 * The files hold code that the service runs: the directory must be writable by the service alone, as its
 * installation directory is.
 */
public final class CompiledRulesStore {
    private static final Logger LOG = Logger.getLogger(CompiledRulesStore.class);
    private static final String SUFFIX = ".kjar";
    /** Rulesets kept: the one in force, and a few earlier ones for a roll-back or a second ruleset. */
    static final int KEEP = 8;

    private final Path dir;
    private final String buildIdentity;

    private CompiledRulesStore(Path dir, String buildIdentity) {
        this.dir = dir;
        this.buildIdentity = buildIdentity;
    }

    /** No store: every load compiles. */
    public static CompiledRulesStore none() {
        return new CompiledRulesStore(null, null);
    }

    /**
     * A store in {@code dir} (made when first written), or none when the application's classes cannot be
     * identified: without their digest a file compiled against other classes could be loaded.
     */
    public static CompiledRulesStore in(Path dir) {
        String identity = buildIdentity();
        if (identity == null) {
            LOG.warnf("Compiled rulesets are not kept in %s: the application's classes could not be read to name them", dir);
            return none();
        }
        return new CompiledRulesStore(dir, identity);
    }

    boolean enabled() {
        return dir != null;
    }

    Path directory() {
        return dir;
    }

    /** The file name for a ruleset whose DRL has the digest {@code drlDigest}, compiled by this build. */
    String name(String drlDigest) {
        return sha256((buildIdentity + "\n" + drlDigest).getBytes(StandardCharsets.UTF_8)) + SUFFIX;
    }

    /** The stored kjar of that name, or empty when there is none or it cannot be read. */
    Optional<byte[]> read(String name) {
        if (dir == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(dir.resolve(name)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warnf("Cannot read the compiled ruleset %s (%s): compiling it again", dir.resolve(name), e.toString());
            return Optional.empty();
        }
    }

    /** Keeps a compiled kjar; a failure to write only costs the next start a compile, so it is logged, not thrown. */
    void write(String name, byte[] kjar) {
        if (dir == null) {
            return;
        }
        Path target = dir.resolve(name);
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "compiling-", ".tmp");
            Files.write(temp, kjar);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Cannot keep the compiled ruleset in %s (%s): the next start compiles it again", target, e.toString());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Left for the next prune.
                }
            }
        }
    }

    /** Removes a file that could not be loaded, so that the next start does not try it again. */
    void discard(String name) {
        if (dir == null) {
            return;
        }
        try {
            Files.deleteIfExists(dir.resolve(name));
        } catch (IOException e) {
            LOG.warnf("Cannot remove the unusable compiled ruleset %s (%s)", dir.resolve(name), e.toString());
        }
    }

    /** Keeps the {@link #KEEP} most recently written files and removes older ones and abandoned temporary files. */
    void prune() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)
                            || p.getFileName().toString().startsWith("compiling-"))
                    .sorted((a, b) -> Long.compare(modified(b), modified(a)))
                    .toList();
        }
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        int kept = 0;
        for (Path p : files) {
            if (p.getFileName().toString().startsWith("compiling-")) {
                // Another instance may be writing it now; one an hour old was abandoned.
                if (modified(p) < hourAgo) {
                    Files.deleteIfExists(p);
                }
            } else if (++kept > KEEP) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * What the generated code depends on besides the DRL: the digest of the application's own classes (the jar, or
     * the class directory, holding this class), where Drools was loaded from (its file name carries its version)
     * and the Java release the classes were compiled for.
     */
    private static String buildIdentity() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Path own = location(CompiledRulesStore.class);
            if (own == null) {
                return null;
            }
            if (Files.isDirectory(own)) {
                try (Stream<Path> s = Files.walk(own)) {
                    for (Path p : s.filter(x -> x.toString().endsWith(".class")).sorted().toList()) {
                        sha.update(own.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                        sha.update(Files.readAllBytes(p));
                    }
                }
            } else {
                try (InputStream in = Files.newInputStream(own)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sha.update(buffer, 0, n);
                    }
                }
            }
            Path drools = location(org.drools.model.codegen.ExecutableModelProject.class);
            String rest = "\n" + (drools == null ? "?" : drools.getFileName()) + "\n" + Runtime.version().feature();
            sha.update(rest.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path location(Class<?> type) {
        CodeSource source = type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            Path p = Path.of(source.getLocation().toURI());
            return Files.exists(p) ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
