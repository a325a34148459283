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

    public static synchronized RuleEngine project() {
        if (project == null) {
            project = RuleEngine.load(RulesetFiles.fromDirectory(Path.of("rules")));
        }
        return project;
    }
}
