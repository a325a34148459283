package org.exposure.assessor.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two tokens' similarity, table by table. The expected values were computed by the matcher before it was split
 * into its parts, so that these tables pin its behaviour: a change in any of them changes match scores.
 */
class TokenSimilarityTest {

    private static final double EPS = 1e-6;

    /** Spelling variants, sharpening of short tokens, the length penalty, digits, initials and abjad skeletons. */
    @ParameterizedTest(name = "{0} ~ {1} (abjad {2}) = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            snow | snoe | false | 0.000000
            gazprom | gasprom | false | 0.923810
            khalil | khalilzadeh | false | 0.000000
            yv2716 | yv2716 | false | 1.000000
            yv2716 | yv2726 | false | 0.000000
            61st | 71st | false | 0.000000
            j | john | false | 0.900000
            j | mary | false | 0.000000
            vladimir | wladimir | false | 0.970000
            putin | poutine | false | 0.931200
            putin | poetin | false | 0.970000
            vladimirovich | wladimirowitsch | false | 0.970000
            mohamed | mhmd | true | 0.900000
            muhammad | mohamed | true | 0.900000
            mohamed | muhammad | false | 0.803714
            bank | bank | false | 1.000000
            abc | xyz | false | 0.000000
            schmidt | shmidt | false | 0.970000
            philip | filip | false | 0.970000
            ali | aly | false | 0.000000
            byd | bid | false | 0.000000
            abb | aab | false | 0.000000
            abou | abu | false | 0.970000
            stom | storm | false | 0.930000
            kazakhmys | kazakhstan | false | 0.825926
            other | mother | false | 0.933333
            al | el | false | 0.000000
            ivanov | ivanova | false | 0.971429
            smith | smyth | false | 0.970000
            bin | ben | true | 0.900000
            abdullah | abdallah | false | 0.908333
            jinping | jin | false | 0.000000
            kim | kin | false | 0.000000
            alexander | aleksandr | false | 0.896296
            mueller | muller | false | 0.917460
            sergei | sergey | false | 0.970000
            """)
    void tokenPairs(String a, String b, boolean abjad, double expected) {
        assertThat(TokenSimilarity.token(a, b, abjad)).isCloseTo(expected, within(EPS));
        assertThat(TokenSimilarity.token(b, a, abjad)).as("symmetric").isCloseTo(expected, within(EPS));
    }

    /** Jaro-Winkler's prefix bonus only when what follows the shared prefix is alike too. */
    @ParameterizedTest(name = "{0} ~ {1}: bonus {2}")
    @CsvSource(delimiter = '|', textBlock = """
            kazakhmys | kazakhstan | false
            gazprom | gasprom | true
            ivanov | ivanova | true
            alexander | aleksandr | true
            """)
    void prefixBonusOnlyWhenTheRestsAreAlike(String a, String b, boolean bonus) {
        double plain = new org.apache.commons.text.similarity.JaroWinklerSimilarity().apply(a, b);
        if (bonus) {
            assertThat(TokenSimilarity.jaroWinkler(a, b)).isEqualTo(plain);
        } else {
            assertThat(TokenSimilarity.jaroWinkler(a, b)).isLessThan(plain - 0.03);
        }
    }

    /** Given names and surnames in several spellings, near and far from each other. */
    private static final List<String> WORDS = List.of("vladimir", "vadim", "valdemar", "waldemar", "marvin", "dmitry",
            "mohamed", "ahmed", "hamed", "alexander", "andrew", "putin", "poutine", "khalil", "khalilzadeh", "kim", "kin");

    static Stream<Arguments> wordPairs() {
        return WORDS.stream().flatMap(a -> WORDS.stream().filter(b -> !a.equals(b)).map(b -> Arguments.of(a, b)));
    }

    /** Below the floor a pair does not count at all: a similarity is 0 or at least the floor. */
    @ParameterizedTest(name = "{0} ~ {1}")
    @MethodSource("wordPairs")
    void aPairIsZeroOrAtLeastTheFloor(String a, String b) {
        double s = TokenSimilarity.token(a, b, false);
        assertThat(s == 0 || s >= TokenSimilarity.MIN_TOKEN).as("%s", s).isTrue();
    }

    /**
     * The bounds used to skip computing a similarity (by the letters two tokens share, and by their lengths alone)
     * are never below the sharpened Jaro-Winkler they stand for.
     */
    @ParameterizedTest(name = "{0} ~ {1}")
    @MethodSource("wordPairs")
    void theBoundsAreNeverBelowTheSimilarity(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        double jw = TokenSimilarity.sharpen(new JaroWinklerSimilarity().apply(a, b), shorter);
        assertThat(TokenSimilarity.bound(a, b)).isGreaterThanOrEqualTo(jw - EPS);
        assertThat(TokenSimilarity.bound(shorter, Math.max(a.length(), b.length()))).isGreaterThanOrEqualTo(jw - EPS);
    }

    /** Spelling variants of one sound folded together (a token that does not fold is returned as it is). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            wladimir | vladimir
            poutine | putine
            poetin | putin
            wladimirowitsch | vladimirovich
            schmidt | shmidt
            philipp | filip
            khalil | halil
            mcqueen | mckuen
            yusuf | iusuf
            tsjernov | chernov
            bank | bank
            anna | ana
            szabo | shabo
            xavier | xavier
            dick | dik
            """)
    void fold(String token, String folded) {
        assertThat(TokenSimilarity.fold(token)).isEqualTo(folded);
    }

    /** Consonant skeletons for names written in an abjad. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            mohamed | mhmt
            muhammad | mhmt
            mhmd | mhmt
            abdullah | btlh
            wahid | fht
            yusuf | ysf
            ali | l
            bin | bn
            zaid | st
            qasim | ksm
            gaddafi | ktf
            """)
    void skeleton(String token, String skeleton) {
        assertThat(TokenSimilarity.skeleton(token)).isEqualTo(skeleton);
    }
}
