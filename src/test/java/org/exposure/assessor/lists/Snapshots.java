package org.exposure.assessor.lists;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The full list snapshots and name sets (the shared data snapshots), for the tests tagged {@value #TAG} only. The
 * Maven profile {@code snapshots} runs exactly those tests and passes the directory as the system property
 * {@value #PROPERTY}. A missing directory or file fails the test: in that profile the snapshots are what is being
 * measured, so a run without them must not pass as if it had checked something.
 */
public final class Snapshots {
    /** The JUnit tag of the tests that need the snapshots; the default build leaves them out. */
    public static final String TAG = "snapshots";
    public static final String PROPERTY = "snapshots.dir";

    private Snapshots() {
    }

    /** The snapshots directory given by {@code -Dsnapshots.dir}. */
    public static Path dir() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new AssertionError("system property " + PROPERTY + " is not set: the tests tagged '" + TAG
                    + "' run with mvn -B verify -Psnapshots [-D" + PROPERTY + "=DIR]");
        }
        Path p = Path.of(dir);
        if (!Files.isDirectory(p)) {
            throw new AssertionError(PROPERTY + "=" + dir + " (" + p.toAbsolutePath().normalize()
                    + ") is not a directory: the snapshot tests need the shared data snapshots there");
        }
        return p;
    }

    /** A file of the snapshots directory, which must exist. */
    public static Path require(String relative) {
        Path p = dir().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("snapshot " + p.toAbsolutePath().normalize() + " is absent");
        }
        return p;
    }
}
