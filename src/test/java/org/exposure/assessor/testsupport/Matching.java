package org.exposure.assessor.testsupport;

import java.util.Collection;

import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.match.MatchCandidate;
import org.exposure.assessor.match.NameIndex;
import org.exposure.assessor.match.NameNormalizer;

import io.smallrye.config.WithDefault;

/**
 * The matcher as the application sets it up by default, for the matcher's tests, evaluations and benchmarks: the
 * threshold and the candidate cap are read from their one definition, the defaults of {@link AssessorConfig}.
 */
public final class Matching {
    /** assessor.lists.match.threshold's default. */
    public static final double THRESHOLD = Double.parseDouble(matchDefault("threshold"));
    /** assessor.lists.match.candidate-cap's default. */
    public static final int CANDIDATE_CAP = Integer.parseInt(matchDefault("candidateCap"));

    private Matching() {
    }

    public static NameIndex index(Collection<MatchCandidate> candidates) {
        return index(candidates, THRESHOLD);
    }

    public static NameIndex index(Collection<MatchCandidate> candidates, double threshold) {
        return NameIndex.build(candidates, new NameNormalizer(), threshold, CANDIDATE_CAP);
    }

    private static String matchDefault(String setting) {
        try {
            return AssessorConfig.Lists.Match.class.getMethod(setting).getAnnotation(WithDefault.class).value();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("AssessorConfig has no match setting " + setting, e);
        }
    }
}
