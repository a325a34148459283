package org.exposure.assessor.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two names compared: the tokens aligned (in any order, run-together tokens joined), the scores and the pairs that
 * explain them. The expected values were computed by the matcher before it was split into its parts, so that
 * these tables pin its behaviour.
 */
class NameSimilarityTest {

    private static final double EPS = 1e-6;
    private static final NameNormalizer NORMALIZER = new NameNormalizer();
    /** Weights as an index of 1,000 names would give them: "vladimir", "al" and "bank" common, "putin" rare. */
    private static final TokenStats STATS = TokenStats.of(Map.of("bank", 100, "commercial", 50, "vladimir", 300,
            "putin", 2, "trading", 80, "al", 400), 1000);

    /**
     * Every token equally informative. {@code pairs}: the explanation's pairs in order, {@code query~candidate=similarity},
     * a joined run written with {@code +}, an unmatched token against {@code null}.
     */
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Putin | Putin Vladimir Vladimirovich | 0.900000 | 0.500000 | 0.900000 | 0.850000 | false | putin~putin=1.000 null~vladimir=0.000 null~vladimirovich=0.000
            Vladimir | Putin Vladimir | 0.925000 | 0.666667 | 0.925000 | 0.850000 | false | vladimir~vladimir=1.000 null~putin=0.000
            Putin Vladimir Vladimirovich | Putin | 0.800000 | 0.500000 | 0.800000 | 0.700000 | false | putin~putin=1.000 vladimir~null=0.000 vladimirovich~null=0.000
            Ramimakhlouf | MAKHLOUF, Rami | 1.000000 | 1.000000 | 1.000000 | 0.850000 | false | ramimakhlouf~makhlouf+rami=1.000
            Rami Makhlouf | Ramimakhlouf | 1.000000 | 1.000000 | 1.000000 | 0.850000 | false | rami+makhlouf~ramimakhlouf=1.000
            Xi Jin Ping | Xi Jinping | 1.000000 | 1.000000 | 1.000000 | 0.850000 | false | xi~xi=1.000 jin+ping~jinping=1.000
            习近平 | XI JINPING | 1.000000 | 1.000000 | 1.000000 | 0.850000 | false | xi~xi=1.000 jinping~jinping=1.000
            Snow Storm 1 | Snow Storm 2 | 0.400000 | 0.666667 | 0.633333 | 0.850000 | true | snow~snow=1.000 storm~storm=1.000 1~null=0.000 null~2=0.000
            Snow Storm 1 | Snow Storm 1 | 1.000000 | 1.000000 | 1.000000 | 0.850000 | false | snow~snow=1.000 storm~storm=1.000 1~1=1.000
            John Smith | John Michael Smith | 0.950000 | 0.800000 | 0.950000 | 0.850000 | false | john~john=1.000 smith~smith=1.000 null~michael=0.000
            Heihe Commercial Bank | Unistream Commercial Bank | 0.400000 | 0.666667 | 0.633333 | 0.850000 | false | commercial~commercial=1.000 bank~bank=1.000 heihe~null=0.000 null~unistream=0.000
            VTB Bank PJSC | Bank VTB PAO | 1.000000 | 1.000000 | 1.000000 | 0.850000 | false | vtb~vtb=1.000 bank~bank=1.000
            Vladimir Poutine | PUTIN, Vladimir Vladimirovich | 0.913998 | 0.772480 | 0.913998 | 0.850000 | false | vladimir~vladimir=1.000 poutine~putin=0.931 null~vladimirovich=0.000
            عبد الله | Abdullah | 0.900000 | 0.900000 | 0.886500 | 0.850000 | false | bd+allh~abdullah=0.900
            محمد علي | Mohamed Ali | 0.850000 | 0.850000 | 0.830875 | 0.850000 | false | mhmd~mohamed=0.900 ly~ali=0.850
            J. Smith | John Smith | 0.950000 | 0.950000 | 0.942875 | 0.850000 | false | smith~smith=1.000 j~john=0.900
            Koti Kefawu | KOTI | 0.850000 | 0.666667 | 0.850000 | 0.700000 | false | koti~koti=1.000 kefawu~null=0.000
            Aerocarribean Airlines | AEROCARIBBEAN AIRLINES | 0.985000 | 0.985000 | 0.982784 | 0.850000 | false | airlines~airlines=1.000 aerocarribean~aerocaribbean=0.970
            Banco Nacional de Cuba | Banco Popular de Cuba | 0.750000 | 0.750000 | 0.721875 | 0.850000 | false | banco~banco=1.000 de~de=1.000 cuba~cuba=1.000 nacional~null=0.000 null~popular=0.000
            Владимир Путин | PUTIN, Vladimir Vladimirovich | 0.950000 | 0.800000 | 0.950000 | 0.850000 | false | vladimir~vladimir=1.000 putin~putin=1.000 null~vladimirovich=0.000
            LLC | Smith | 0.000000 | 0.000000 | 0.000000 | 0.500000 | false | llc~null=0.000 null~smith=0.000
            """)
    void namesWithEqualWeights(String query, String candidate, double score, double symmetric, double subset,
                               double base, boolean numberMismatch, String pairs) {
        NameSimilarity.Result r = NameSimilarity.compare(NORMALIZER.normalize(query), NORMALIZER.normalize(candidate));
        assertThat(r.score()).as("score").isCloseTo(score, within(EPS));
        assertThat(r.symmetric()).as("symmetric").isCloseTo(symmetric, within(EPS));
        assertThat(r.subset()).as("subset").isCloseTo(subset, within(EPS));
        assertThat(r.base()).as("base").isCloseTo(base, within(EPS));
        assertThat(r.numberMismatch()).as("numbers differ").isEqualTo(numberMismatch);
        assertThat(pairs(r)).isEqualTo(pairs);
    }

    /**
     * Tokens weighted by rarity: a common word counts little, so "Vladimir" inside "Putin Vladimir" is far from a
     * match while "Putin" inside "Putin Vladimir Vladimirovich" is one. {@code bound} is the optimistic score the
     * index uses to skip a comparison, never below the score.
     */
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Putin | Putin Vladimir Vladimirovich | 0.915482 | 0.915482
            Vladimir | Putin Vladimir | 0.526352 | 0.857906
            Putin Vladimir Vladimirovich | Putin | 0.830964 | 0.915482
            Ramimakhlouf | MAKHLOUF, Rami | 1.000000 | 1.000000
            Rami Makhlouf | Ramimakhlouf | 1.000000 | 1.000000
            Xi Jin Ping | Xi Jinping | 1.000000 | 1.000000
            习近平 | XI JINPING | 1.000000 | 1.000000
            Snow Storm 1 | Snow Storm 2 | 0.400000 | 0.666667
            Snow Storm 1 | Snow Storm 1 | 1.000000 | 1.000000
            John Smith | John Michael Smith | 0.950000 | 0.950000
            Heihe Commercial Bank | Unistream Commercial Bank | 0.143608 | 0.239347
            VTB Bank PJSC | Bank VTB PAO | 1.000000 | 1.000000
            Vladimir Poutine | PUTIN, Vladimir Vladimirovich | 0.855011 | 0.926901
            عبد الله | Abdullah | 0.900000 | 1.000000
            محمد علي | Mohamed Ali | 0.850000 | 0.850000
            J. Smith | John Smith | 0.950000 | 0.950000
            Koti Kefawu | KOTI | 0.850000 | 0.925000
            Aerocarribean Airlines | AEROCARIBBEAN AIRLINES | 0.985000 | 0.985000
            Banco Nacional de Cuba | Banco Popular de Cuba | 0.750000 | 0.750000
            Владимир Путин | PUTIN, Vladimir Vladimirovich | 0.919125 | 0.997192
            LLC | Smith | 0.000000 | 0.000000
            """)
    void namesWeightedByRarity(String query, String candidate, double score, double bound) {
        NormalizedName q = NORMALIZER.normalize(query);
        NormalizedName c = NORMALIZER.normalize(candidate);
        assertThat(NameSimilarity.compare(q, c, STATS).score()).as("score").isCloseTo(score, within(EPS));
        double upper = NameSimilarity.upperBound(NameSide.of(q, STATS), NameSide.of(c, STATS), PairSims.DIRECT);
        assertThat(upper).as("bound").isCloseTo(bound, within(EPS));
        assertThat(upper).as("bound").isGreaterThanOrEqualTo(score - EPS);
        NameSimilarity.Result quick = NameSimilarity.compare(NameSide.of(q, STATS), NameSide.of(c, STATS),
                PairSims.DIRECT, false, false);
        assertThat(quick.score()).as("without the explanation").isEqualTo(NameSimilarity.compare(q, c, STATS).score());
        assertThat(quick.pairs()).isEmpty();
    }

    /**
     * The run-together pairs: which runs of adjacent tokens of one name may be one token of the other, before their
     * similarity is computed ({@code side:start+length~other}, side q or c for the query's or the candidate's
     * tokens), the table that both the comparison and its bound use. A run with a digit is never tried ("snow storm
     * 1"), nor one whose first letter is not the other token's in either order ("xi jin" may be "jinping" backwards).
     */
    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Ramimakhlouf | MAKHLOUF, Rami | c:0+2~0
            Rami Makhlouf | Ramimakhlouf | q:0+2~0
            Xi Jin Ping | Xi Jinping | q:0+2~1 q:1+2~1
            John Smith | John Michael Smith | ''
            Putin | Putin Vladimir Vladimirovich | ''
            Snow Storm 1 | Snowstorm | q:0+2~0
            Storm 1 | Storm1 | ''
            Abd Al Rahman Hassan | Abdalrahman Hassan | q:0+2~0 q:1+2~0 q:0+3~0 q:1+3~0
            Mohamed Ali | Mohamed Ali Hassan | ''
            """)
    void runsOfTokens(String query, String candidate, String runs) {
        NameSide q = NameSide.of(NORMALIZER.normalize(query), TokenStats.uniform());
        NameSide c = NameSide.of(NORMALIZER.normalize(candidate), TokenStats.uniform());
        double[] bestQ = new double[q.size()];
        double[] bestC = new double[c.size()];
        for (int i = 0; i < q.size(); i++) {
            for (int j = 0; j < c.size(); j++) {
                double s = PairSims.DIRECT.sim(q, i, c, j);
                bestQ[i] = Math.max(bestQ[i], s);
                bestC[j] = Math.max(bestC[j], s);
            }
        }
        List<TokenRuns.Run> found = TokenRuns.find(q, bestQ, c, bestC);
        assertThat(found.stream().map(r -> (r.side() == 0 ? "q:" : "c:") + r.start() + "+" + r.length() + "~" + r.other())
                .collect(Collectors.joining(" "))).isEqualTo(runs);
    }

    /** What a pair of this similarity counts in a coverage: itself from 0.9, less the shortfall again below. */
    @ParameterizedTest(name = "evidence({0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1.0 | 1.000000
            0.95 | 0.950000
            0.9 | 0.900000
            0.85 | 0.800000
            0.83 | 0.760000
            0.8 | 0.700000
            0.75 | 0.600000
            0.45 | 0.000000
            0.0 | 0.000000
            """)
    void evidence(double similarity, double evidence) {
        assertThat(NameSimilarity.evidence(similarity)).isCloseTo(evidence, within(EPS));
    }

    /** The subset base by the rarity of the covered side's rarest matched token. */
    @ParameterizedTest(name = "base({0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1.0 | 0.850000
            0.85 | 0.850000
            0.7 | 0.675000
            0.55 | 0.500000
            0.3 | 0.500000
            0.0 | 0.500000
            """)
    void base(double rarity, double base) {
        assertThat(NameSimilarity.base(rarity)).isCloseTo(base, within(EPS));
    }

    private static String pairs(NameSimilarity.Result r) {
        return r.pairs().stream().map(p -> p.query() + "~" + p.candidate() + "="
                + String.format(java.util.Locale.ROOT, "%.3f", p.similarity())).collect(Collectors.joining(" "));
    }
}
