package org.exposure.assessor.match;

import java.io.IOException;
import java.util.Locale;

import org.exposure.assessor.lists.Snapshots;
import org.exposure.assessor.testsupport.Matching;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Floors on the matcher's accuracy at {@link NameIndex#DEFAULT_THRESHOLD}, measured by {@link MatchEvaluation} on the
 * real name sets and the OFAC SDN snapshot of the shared data snapshots (Maven profile {@code snapshots}).
 */
@Tag(Snapshots.TAG)
class MatchAccuracyTest {

    private static final double T = Matching.THRESHOLD;
    private static MatchEvaluation eval;

    @BeforeAll
    static void data() throws IOException {
        eval = MatchEvaluation.get();
        eval.report(T, System.out, true);
    }

    @Test
    void openSanctionsLogicV2CasesAllRight() {
        MatchEvaluation.SetResult o = eval.set(MatchEvaluation.LOGIC_V2);
        assertThat(o.scored()).hasSize(25);
        // 23/25 before nicknames (Ted / Theodore) and numbers in words (Fourty-four / 44)
        assertThat(o.correct(T)).as(o.line(T)).isEqualTo(25);
    }

    @Test
    void senzingPairsDoNotRegress() {
        MatchEvaluation.SetResult o = eval.set(MatchEvaluation.SENZING);
        // 247/295 by names alone before nicknames, 249 with them, 252 with birth dates counted (docs/matching.md)
        assertThat(o.correct(T)).as(o.line(T)).isGreaterThanOrEqualTo(252);
    }

    @Test
    void putinVariantsMatchTheCanonicalNameAtLeast90Percent() {
        MatchEvaluation.SetResult o = eval.set(MatchEvaluation.PUTIN);
        assertThat(o.scored()).hasSize(81);
        assertThat(o.share(T)).as(o.line(T)).isGreaterThanOrEqualTo(0.90);
        // 75 with one reading a script, 77 with the Korean, Japanese and Cyrillic readings, 79 with Khmer and Burmese
        assertThat(o.correct(T)).as(o.line(T)).isGreaterThanOrEqualTo(79);
    }

    @Test
    void watchmanSetsAreReportedAndDoNotRegress() {
        MatchEvaluation.SetResult compare = eval.set(MatchEvaluation.WATCHMAN_COMPARE);
        assertThat(compare.share(T)).as(compare.line(T)).isGreaterThanOrEqualTo(0.90);
        MatchEvaluation.SetResult cross = eval.set(MatchEvaluation.WATCHMAN_CROSS);
        // 21/22 with the readings of names in other scripts (15/22 with one ICU reading); 金正恩 needs a Hanja reading.
        assertThat(cross.correct(T)).as(cross.line(T)).isGreaterThanOrEqualTo(20);
    }

    /**
     * The target is 90 %; measured 136/160 with the company-name readings of Chinese, Thai and Burmese names (127
     * before them) and the readings of Arabic-script, Hebrew and Ethiopic names as the
     * lists spell them (105/160 before them, 93/160 before the Arabic article reading, fewer with one ICU reading):
     * the Chinese companies are listed under English names that translate rather than transcribe theirs. The floor
     * keeps what is reached.
     */
    @Test
    void listedNamesInTheirOwnScriptMatchTheirLatinNamesNoWorseThanMeasured() {
        MatchEvaluation.SetResult o = eval.set(MatchEvaluation.NON_LATIN);
        assertThat(o.scored()).hasSize(160);
        assertThat(o.correct(T)).as(o.line(T)).isGreaterThanOrEqualTo(136);
    }

    @Test
    void differentSdnEntriesPrimaryNamesRarelyMatch() {
        double rate = eval.sdnRandomPairRate(T);
        assertThat(rate).as(String.format(Locale.ROOT, "%.4f%% of %d random pairs", 100 * rate, MatchEvaluation.SDN_PAIRS))
                .isLessThanOrEqualTo(0.001);
    }
}
