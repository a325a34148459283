package org.exposure.assessor.testsupport;

import java.nio.file.Path;

import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RulesetFiles;

/**
 * The rule engine over the project's rules/ folder, built once per test JVM and shared by every rule test: the
 * engine is immutable and safe for concurrent evaluation, and compiling the ruleset is the slow part of a test.
 */
public final class Engines {
    private static RuleEngine project;

    private Engines() {
    }

    private static final java.util.Map<String, RuleEngine> VARIANTS = new java.util.HashMap<>();

    /**
     * The project's ruleset with one file replaced ({@code path} relative to rules/, e.g.
     * "reference/eo14114-items.csv"), built once per content.
     */
    public static synchronized RuleEngine withFile(String path, String content) {
        return VARIANTS.computeIfAbsent(path + "\n" + content,
                k -> RuleEngine.load(RulesetFiles.fromDirectory(Path.of("rules")).with(path, content)));
    }

    public static synchronized RuleEngine project() {
        if (project == null) {
            project = RuleEngine.load(RulesetFiles.fromDirectory(Path.of("rules")));
        }
        return project;
    }
}
