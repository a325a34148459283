package org.exposure.assessor.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.exposure.assessor.domain.BankSubject;
import org.exposure.assessor.domain.SupplierSubject;
import org.exposure.assessor.intake.SubjectDecoder.Decoded;
import org.exposure.assessor.testsupport.Intake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the intake refuses and keeps exactly, through the decoder the batch jobs use on every JSON line (the API
 * tests send the same cases over HTTP): numbers as written, each field once, no coercion, sane dates, readable
 * names; every refusal names the field in the service's words.
 */
class StrictInputTest {
    private static final String SUPPLIER = "{\"type\":\"SUPPLIER\",\"name\":\"Xinda\",";
    private static final String BANK = "{\"type\":\"BANK\",\"name\":\"Heihe Bank\",";
    private static final String GOODS = "{\"type\":\"GOODS\",\"hsCode\":\"854231\",";

    private final SubjectDecoder decoder = Intake.decoder();

    @ParameterizedTest(name = "sharePercent {0} is kept exactly")
    @CsvSource({"49.9999999999999999", "24.99999999999999999", "50.0", "0.000000000000000000000000000001",
            "12.5000000000000000000000000000000000"})
    void aShareIsKeptAsWritten(String share) {
        Decoded d = decoder.decode(SUPPLIER + "\"owners\":[{\"name\":\"Ivan\",\"sharePercent\":" + share + "}]}");
        assertThat(d.errors()).isEmpty();
        BigDecimal kept = ((SupplierSubject) d.subject()).owners().get(0).sharePercent();
        assertThat(kept).isEqualByComparingTo(share);
        assertThat(kept.toString()).isEqualTo(new BigDecimal(share).toString());
    }

    @Test
    void bankNumbersAreKeptAsWritten() {
        Decoded d = decoder.decode(BANK + "\"russiaPaymentShare\":0.10000000000000000001,"
                + "\"payments\":[{\"amountUsd\":12345678901234567890.12},{\"amountUsd\":123456789012345678901234}]}");
        assertThat(d.errors()).isEmpty();
        BankSubject bank = (BankSubject) d.subject();
        assertThat(bank.russiaPaymentShare().toPlainString()).isEqualTo("0.10000000000000000001");
        assertThat(bank.payments().get(0).amountUsd().toPlainString()).isEqualTo("12345678901234567890.12");
        assertThat(bank.payments().get(1).amountUsd().toPlainString()).isEqualTo("123456789012345678901234");
    }

    @Test
    void namesWithFormatCharactersInsideAndDatesInRangeAreAccepted() {
        Decoded d = decoder.decode(SUPPLIER.replace("Xinda", "Parsian\u200cTrade") + "\"incorporatedOn\":\"1670-05-02\","
                + "\"aliases\":[\"Xinda\u200d Ltd\"],\"exports\":[{\"hsCode\":\"854231\",\"date\":\"2199-12-31\"}]}");
        assertThat(d.errors()).isEmpty();
        assertThat(((SupplierSubject) d.subject()).incorporatedOn()).isEqualTo(LocalDate.of(1670, 5, 2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            share 1e-400                | @S"owners":[{"name":"o","sharePercent":1e-400}]}      | owners[0].sharePercent      | digits after the decimal point
            share 1e400                 | @S"owners":[{"name":"o","sharePercent":1e400}]}       | owners[0].sharePercent      | too large
            amount 1e400                | @B"payments":[{"amountUsd":1E+400}]}                      | payments[0].amountUsd       | too large
            amount of 40 digits         | @B"payments":[{"amountUsd":1234567890.123456789012345678901234567890}]} | payments[0].amountUsd | significant digits
            valueUsd 1e-31              | @S"exports":[{"hsCode":"854231","valueUsd":1e-31}]}  | exports[0].valueUsd         | digits after the decimal point
            share NaN                   | @S"owners":[{"name":"o","sharePercent":NaN}]}         | owners[0].sharePercent      | NaN and Infinity
            share Infinity              | @B"russiaPaymentShare":Infinity}                          | russiaPaymentShare          | NaN and Infinity
            amount -Infinity            | @B"payments":[{"amountUsd":-Infinity}]}                   | payments[0].amountUsd       | NaN and Infinity
            share +5                    | @S"owners":[{"name":"o","sharePercent":+5}]}          | owners[0].sharePercent      | write numbers as JSON does
            share "50" as text          | @S"owners":[{"name":"o","sharePercent":"50"}]}        | owners[0].sharePercent      | expected a number
            hsCode twice                | @G"destinationCountry":"KZ","hsCode":"010121"}           | hsCode                      | appears twice
            sanctioned twice            | @G"endUser":{"name":"x","sanctioned":true,"sanctioned":false}} | endUser.sanctioned    | appears twice
            owner twice in a chain      | @S"owners":[{"name":"a","sharePercent":5,"name":"b"}]} | owners[0].name             | appears twice
            incorporatedOn 20240101     | @S"incorporatedOn":20240101}                          | incorporatedOn              | expected a date
            incorporatedOn +999999999   | @S"incorporatedOn":"+999999999-12-31"}                | incorporatedOn              | 1600-01-01 to 2199-12-31
            incorporatedOn 1599         | @S"incorporatedOn":"1599-12-31"}                      | incorporatedOn              | 1600-01-01 to 2199-12-31
            export date 2200            | @S"exports":[{"hsCode":"854231","date":"2200-01-01"}]} | exports[0].date            | 1600-01-01 to 2199-12-31
            payment date 2024-02-30     | @B"payments":[{"date":"2024-02-30"}]}                     | payments[0].date            | expected a date
            goods date with a time      | @G"date":"2024-03-20T10:00:00"}                          | date                        | expected a date
            goods date as 1.5           | @G"date":1.5}                                            | date                        | expected a date
            name as a number            | @S"aliases":[42]}                                     | aliases[0]                  | expected a string
            hsCode as a number          | {"type":"GOODS","hsCode":854231}                            | hsCode                      | expected a string
            region as true              | @G"region":true}                                         | region                      | expected a string
            sanctioned as "true"        | @G"endUser":{"name":"x","sanctioned":"true"}}            | endUser.sanctioned          | expected true or false
            sanctioned as 1             | @G"endUser":{"name":"x","sanctioned":1}}                 | endUser.sanctioned          | expected true or false
            exposure as 0               | @B"internationalExposure":0}                              | internationalExposure       | expected one of
            supplier name ZWSP          | {"type":"SUPPLIER","name":"\\u200b\\u200b"}                 | name                        | no visible character
            supplier name NUL           | {"type":"SUPPLIER","name":"\\u0000"}                        | name                        | control character U+0000
            bank name with a line break | {"type":"BANK","name":"Heihe\\nBank"}                       | name                        | control character U+000A
            alias of joiners            | @G"aliases":["chips","\\u2060\\u200d"]}                  | aliases[1]                  | no visible character
            goods name of RLM           | @G"name":"\\u200f"}                                      | name                        | no visible character
            owner name BOM              | @S"owners":[{"name":"\\ufeff","sharePercent":5}]}     | owners[0].name              | no visible character
            owner name Hangul filler    | @S"owners":[{"name":"\\u3164","sharePercent":5}]}     | owners[0].name              | no visible character
            consignee name              | @S"exports":[{"hsCode":"854231","consignee":{"name":"\\u200b"}}]} | exports[0].consignee.name | no visible character
            correspondent name          | @B"correspondents":[{"name":"\\u00ad"}]}                  | correspondents[0].name      | no visible character
            counterparty name           | @B"payments":[{"counterparty":{"name":"\\u0301"}}]}       | payments[0].counterparty.name | no visible character
            end user name               | @G"endUser":{"name":"\\u0085"}}                          | endUser.name                | control character U+0085
            """)
    void refusedNamingTheField(String what, String json, String field, String says) {
        Decoded d = decoder.decode(json.replace("@S", SUPPLIER).replace("@B", BANK).replace("@G", GOODS));
        assertThat(d.subject()).as(what).isNull();
        assertThat(d.errors()).as(what).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.message()).contains(says);
        });
        assertThat(d.errors()).as(what).allSatisfy(e -> assertThat(e.message())
                .doesNotContain("ALLOW_").doesNotContain("Feature").doesNotContain("`").doesNotContain("set()")
                .doesNotContain("java.").doesNotContain("Jackson").doesNotContain("(body)"));
    }
}
