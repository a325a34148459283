package org.exposure.assessor.lists.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The matcher on the real name sets in {@code ../shared/data/namematch} and on random pairs of SDN primary names,
 * at {@link NameIndex#DEFAULT_THRESHOLD}. Skipped when {@code ../shared/data} is absent.
 */
class MatchAccuracyTest {

    private static final double T = NameIndex.DEFAULT_THRESHOLD;
    private final Eval eval = new Eval();

    @BeforeAll
    static void data() {
        assumeTrue(Files.isDirectory(SharedData.NAMEMATCH), "../shared/data/namematch absent: skipping the name sets");
    }

    private static void print(Eval.Outcome o) {
        System.out.println("[match accuracy @" + T + "] " + o);
        o.wrong().forEach(w -> System.out.println("    wrong: " + w));
    }

    @Test
    void openSanctionsLogicV2CasesAtLeast90Percent() throws IOException {
        Eval.Outcome o = eval.logicV2(T);
        print(o);
        assertThat(o.total()).isGreaterThanOrEqualTo(25);
        assertThat(o.share()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void putinVariantsMatchTheCanonicalNameAtLeast90Percent() throws IOException {
        Eval.Outcome o = eval.putinCanonical(T);
        print(o);
        assertThat(o.total()).isEqualTo(81);
        assertThat(o.share()).isGreaterThanOrEqualTo(0.90);
        Eval.Outcome all = eval.putinAllPairs(T);
        print(all);
        assertThat(all.share()).isGreaterThanOrEqualTo(0.75); // reported; measured 77.1%
    }

    @Test
    void watchmanSetsAreReported() throws IOException {
        Eval.Outcome compare = eval.watchmanCompare(T);
        print(compare);
        assertThat(compare.share()).isGreaterThanOrEqualTo(0.90); // measured 10/11
        Eval.Outcome cross = eval.watchmanCrossScript(T);
        print(cross);
        assertThat(cross.share()).isGreaterThanOrEqualTo(0.65); // measured 15/22
    }

    @Test
    void differentSdnEntriesRarelyMatchEachOther() throws IOException {
        assumeTrue(Files.isRegularFile(SharedData.SDN), "../shared/data/ofac/sdn_2024-05-03.csv absent");
        double[] scores = eval.sdnPairScores(20_000, 42);
        double rate = Eval.rateAtOrAbove(scores, T);
        System.out.printf(Locale.ROOT, "[match accuracy @%s] SDN primary names, 20000 random pairs of different entries:"
                + " %.4f%% matched%n", T, 100 * rate);
        assertThat(rate).isLessThanOrEqualTo(0.001);
    }
}
