package org.exposure.assessor.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Copies of a ruleset folder for tests that change rules or reference data (the project's rules/ stays untouched). */
public final class RuleFiles {
    public static final Path PROJECT_RULES = Path.of("rules");

    private RuleFiles() {
    }

    /** A fresh copy of the project's rules/ under target/rule-copies/. */
    public static Path copyOfProjectRules(String purpose) throws IOException {
        return copy(PROJECT_RULES, Path.of("target/rule-copies", purpose + "-" + System.nanoTime()));
    }

    public static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        return to;
    }

    public static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
