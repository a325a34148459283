package org.exposure.assessor.lists;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real list snapshots in ../shared/data (relative to the project root) and a scratch folder under target/. */
final class Snapshots {
    static final Path DATA = Path.of("..", "shared", "data");

    private Snapshots() {
    }

    /** The snapshot file, or the test is skipped (not failed) with a message naming the missing file. */
    static Path require(String relative) {
        Path p = DATA.resolve(relative);
        assumeTrue(Files.isRegularFile(p), "snapshot " + p.toAbsolutePath().normalize()
                + " is absent (../shared/data is not next to this clone): test skipped");
        return p;
    }

    static Path scratch(String name) {
        try {
            Path dir = Path.of("target", "lists-test");
            Files.createDirectories(dir);
            return dir.resolve(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
