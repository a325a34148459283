package org.exposure.assessor.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
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

    /**
     * The project's ruleset with the Russia-share threshold of FFI-RUSSIA-SHARE raised from 10 % to 30 %, and its
     * example of a share above the threshold moved with it (else the candidate is not valid); {@code tag} as a comment
     * in the parameters, so that each call gives a version of its own.
     */
    public static Map<String, String> russiaShareAt30Percent(String tag) {
        Map<String, String> files = new HashMap<>(RulesetFiles.fromDirectory(PROJECT_RULES).files());
        files.put("reference/parameters.csv", replaced(files.get("reference/parameters.csv"),
                "ffi.russia-share.threshold,0.10,", "ffi.russia-share.threshold,0.30,") + "# " + tag + "\n");
        files.put("bank/examples/banks.yaml", replaced(files.get("bank/examples/banks.yaml"),
                "russiaPaymentShare: 0.18", "russiaPaymentShare: 0.38"));
        return files;
    }

    private static String replaced(String text, String from, String to) {
        if (!text.contains(from)) {
            throw new IllegalStateException("the project's rules no longer hold " + from);
        }
        return text.replace(from, to);
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
