package org.exposure.assessor.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** English numbers in words read as digits by the normaliser ({@link NumberWords}). */
class NumberWordsTest {

    private static final NameNormalizer NORMALIZER = new NameNormalizer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Brigade Fourty-four            | brigade 44
            Brigade Forty Four             | brigade 44
            Brigade fortyfour              | brigade 44
            Twenty one Holdings            | 21 holdings
            Forty-Fourth Brigade Group     | 44th brigade group
            Sixty-First Regiment           | 61st regiment
            Twenty First Century Trading   | 21st century trading
            One Hundred and Five Co        | 105
            Three Thousand Two Hundred     | 3200
            Seven Seas Shipping            | 7 seas shipping
            Nineteen Eighty Four           | 19 84
            One Two Three                  | 1 2 3
            One Bank                       | 1 bank
            First Bank of Nigeria          | 1st bank of nigeria
            Ninty Nine Cents               | 99 cents
            Bank ten                       | bank ten
            ten Brink                      | ten brink
            Ten Thousand Villages          | 10000 villages
            Johnson and Sons               | johnson and sons
            Hundred Acre Holdings          | 100 acre holdings
            Fourteen Karat                 | 14 karat
            Seconds Ahead                  | seconds ahead
            Onex Partners                  | onex partners
            """)
    void numbersInWordsAreReadAsDigits(String name, String expected) {
        assertThat(String.join(" ", NORMALIZER.normalize(name).tokens())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            and one
            one and
            hundred and
            """)
    void anAndOutsideANumberIsAWord(String text) {
        List<String> tokens = List.of(text.split(" "));
        assertThat(NumberWords.read(tokens)).contains("and");
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Brigade Fourty-four | Brigade 44           | 1.0
            Brigade Forty-Four  | BRIGADE 44           | 1.0
            One Bank            | ONE BANK             | 1.0
            Seven Seas          | 7 Seas               | 1.0
            """)
    void aNumberInWordsMatchesItsDigits(String query, String listed, double score) {
        assertThat(NameSimilarity.compare(NORMALIZER.normalize(query), NORMALIZER.normalize(listed)).score())
                .isEqualTo(score);
    }
}
