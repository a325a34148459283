package org.exposure.assessor.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.exposure.assessor.domain.BankSubject;
import org.exposure.assessor.domain.GoodsSubject;
import org.exposure.assessor.domain.SupplierSubject;
import org.exposure.assessor.domain.Warning;
import org.exposure.assessor.intake.SubjectDecoder.Decoded;
import org.exposure.assessor.intake.validation.Codes;
import org.exposure.assessor.testsupport.Intake;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HS codes as the intake reads them: HS-6 in its usual spellings, 8- and 10-digit national tariff codes cut to
 * their HS-6 with a warning naming the field, everything else a field error. Plain JUnit, through the same decoder
 * the API's validation and the batch jobs use.
 */
class HsCodeIntakeTest {
    private final SubjectDecoder decoder = Intake.decoder();

    @ParameterizedTest(name = "\"{0}\" is valid, assessed as {1}, cut: {2}")
    @DisplayName("every accepted format and the HS-6 it is assessed as")
    @CsvSource(delimiter = '|', textBlock = """
            8542.31        | 854231 | false
            854231         | 854231 | false
            8542 31        | 854231 | false
            ' 8542.31 '    | 854231 | false
            8542.31.00     | 854231 | true
            85423100       | 854231 | true
            8542 31 00     | 854231 | true
            8542.31.0000   | 854231 | true
            8542.31.00.00  | 854231 | true
            8542310000     | 854231 | true
            8548.90.00     | 854890 | true
            """)
    void accepted(String given, String hs6, boolean cut) {
        assertThat(Codes.isHsCode(given)).isTrue();
        assertThat(Codes.hsCode(given)).isEqualTo(hs6);
        assertThat(Codes.isNationalTariffCode(given)).isEqualTo(cut);

        Decoded d = decoder.decode("{\"type\":\"GOODS\",\"hsCode\":\"" + given + "\"}");
        assertThat(d.errors()).isEmpty();
        assertThat(((GoodsSubject) d.subject()).hsCode()).isEqualTo(hs6);
        if (cut) {
            assertThat(d.warnings()).singleElement().satisfies(w -> {
                assertThat(w.code()).isEqualTo("HS_CODE_SHORTENED");
                assertThat(w.field()).isEqualTo("hsCode");
                assertThat(w.message()).contains("\"" + given + "\"", hs6.substring(0, 4) + "." + hs6.substring(4));
            });
        } else {
            assertThat(d.warnings()).isEmpty();
        }
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @DisplayName("fewer than 6 digits, 7, 9 or more than 10 digits, letters and other separators are field errors")
    @ValueSource(strings = {"8542.3", "85423", "8542.31.0", "8542310", "8542.31.000", "854231000",
            "8542.31.00000", "85423100000", "8542.3A", "HS854231", "8542-31", "8542/31/00", "", " "})
    void refused(String given) {
        assertThat(Codes.isHsCode(given)).isFalse();
        Decoded d = decoder.decode("{\"type\":\"GOODS\",\"hsCode\":\"" + given + "\"}");
        assertThat(d.subject()).isNull();
        assertThat(d.errors()).extracting(FieldError::field).containsExactly("hsCode");
        assertThat(d.errors().get(0).message()).contains("six-digit HS code", "8542.31.0000");
    }

    @Test
    @DisplayName("a supplier's export and a bank's payment code: cut and warned about, or refused, by their own path")
    void everyHsField() {
        Decoded supplier = decoder.decode("""
                {"type":"SUPPLIER","name":"S","exports":[{"hsCode":"8542.31"},{"hsCode":"8542.31.0000"}]}""");
        assertThat(supplier.errors()).isEmpty();
        assertThat(((SupplierSubject) supplier.subject()).exports()).extracting(e -> e.hsCode())
                .containsExactly("854231", "854231");
        assertThat(supplier.warnings()).extracting(Warning::code, Warning::field)
                .containsExactly(tuple("HS_CODE_SHORTENED", "exports[1].hsCode"));

        Decoded bank = decoder.decode("""
                {"type":"BANK","name":"B","payments":[{"hsCodes":["8542.31"]},{"hsCodes":["8532.21.00","8542 31 00 00"]}]}""");
        assertThat(bank.errors()).isEmpty();
        assertThat(((BankSubject) bank.subject()).payments().get(1).hsCodes()).containsExactly("853221", "854231");
        assertThat(bank.warnings()).extracting(Warning::code, Warning::field).containsExactly(
                tuple("HS_CODE_SHORTENED", "payments[1].hsCodes[0]"), tuple("HS_CODE_SHORTENED", "payments[1].hsCodes[1]"));

        Decoded badExport = decoder.decode("""
                {"type":"SUPPLIER","name":"S","exports":[{"hsCode":"8542.31"},{"hsCode":"8542.31.0"}]}""");
        assertThat(badExport.errors()).extracting(FieldError::field).containsExactly("exports[1].hsCode");
        Decoded badPayment = decoder.decode("""
                {"type":"BANK","name":"B","payments":[{"hsCodes":["8542.31","8542.3"]}]}""");
        assertThat(badPayment.errors()).extracting(FieldError::field).containsExactly("payments[0].hsCodes[1]");
    }
}
