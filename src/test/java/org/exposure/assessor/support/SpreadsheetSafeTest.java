package org.exposure.assessor.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a spreadsheet would run as a formula gets an apostrophe; everything else is left exactly as it is. */
class SpreadsheetSafeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', quoteCharacter = '`', value = {
            "=HYPERLINK(\"http://x\",\"y\")~'=HYPERLINK(\"http://x\",\"y\")",
            "=cmd|' /C calc'!A0~'=cmd|' /C calc'!A0",
            "+1+1~'+1+1",
            "-2+3~'-2+3",
            "@SUM(A1:A2)~'@SUM(A1:A2)",
            "PO-2024-0113~PO-2024-0113",
            "a=b~a=b",
            "'=already~'=already",
            "Acme LLC~Acme LLC"})
    void formulasAreNeutralisedAndOtherTextKept(String in, String out) {
        assertThat(SpreadsheetSafe.text(in)).isEqualTo(out);
    }

    @ParameterizedTest(name = "control character {0}")
    @CsvSource({"9", "13"})
    void aLeadingTabOrCarriageReturnIsNeutralised(int code) {
        String in = (char) code + "=1+1";
        assertThat(SpreadsheetSafe.text(in)).isEqualTo("'" + in);
    }

    @org.junit.jupiter.api.Test
    void nothingAndEmptyStayAsTheyAre() {
        assertThat(SpreadsheetSafe.text(null)).isNull();
        assertThat(SpreadsheetSafe.text("")).isEmpty();
    }
}
