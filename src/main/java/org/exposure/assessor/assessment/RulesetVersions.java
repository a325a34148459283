package org.exposure.assessor.assessment;

import java.util.Optional;

import org.exposure.assessor.rules.RuleEngine;

/**
 * The rulesets a replay may decide with, by version: the one in force, and earlier ones where they are kept. An
 * interface here, implemented above (where the stored versions are), so that the assessments do not depend on
 * how rulesets are stored.
 */
public interface RulesetVersions {
    /** The engine of that ruleset version, loaded if need be; empty when the version is not kept. */
    Optional<RuleEngine> engine(String version);
}
