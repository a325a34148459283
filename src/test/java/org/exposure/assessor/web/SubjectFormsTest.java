package org.exposure.assessor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.intake.FieldError;
import org.exposure.assessor.intake.dto.BankDto;
import org.exposure.assessor.intake.dto.GoodsDto;
import org.exposure.assessor.intake.dto.SupplierDto;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The forms made from the API's subject records: from posted fields to the JSON the API reads, and back. */
class SubjectFormsTest {

    private static Map<String, List<String>> form(String... pairs) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return form;
    }

    @Test
    void fieldsBecomeTheJsonAClientWouldSendBlankOnesLeftOut() {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode json = SubjectForms.read(SupplierDto.class, form(
                "name", " Harbin Xinda ", "country", "hk", "region", "", "residentialAddress", "true",
                "aliases", "Xinda\n\n  Harbin Xinda Co., Ltd. \n",
                "owners[0].name", "Ivan Petrov", "owners[0].sharePercent", "49.9999999999999999",
                "owners[0].owners[0].name", "Deep", "owners[0].owners[0].sharePercent", "1e-3",
                "exports[0].hsCode", "8542.31", "exports[0].consignee.name", "", "exports[0].consignee.kind", ""), errors);
        assertThat(errors).isEmpty();
        assertThat(json.toString()).isEqualTo("{\"name\":\"Harbin Xinda\",\"aliases\":[\"Xinda\",\"Harbin Xinda Co., Ltd.\"],"
                + "\"country\":\"HK\",\"residentialAddress\":true,\"owners\":[{\"name\":\"Ivan Petrov\","
                + "\"sharePercent\":49.9999999999999999,\"owners\":[{\"name\":\"Deep\",\"sharePercent\":0.001}]}],"
                + "\"exports\":[{\"hsCode\":\"8542.31\"}]}");
    }

    @Test
    void emptyRowsAreDroppedOnSubmitAndKeptWhileEditing() {
        Map<String, List<String>> f = form("name", "X", "owners[0].name", "", "owners[0].sharePercent", "",
                "owners[1].name", "Y", "owners[1].sharePercent", "10");
        assertThat(SubjectForms.read(SupplierDto.class, f, new ArrayList<>()).get("owners")).hasSize(1);
        assertThat(SubjectForms.read(SupplierDto.class, f, false).get("owners")).hasSize(2);
    }

    @Test
    void textInANumberIsReportedInTheApisWordsAndLeftOut() {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode json = SubjectForms.read(BankDto.class, form("name", "B", "russiaPaymentShare", "ten percent"), errors);
        assertThat(errors).containsExactly(new FieldError("russiaPaymentShare", "cannot be \"ten percent\": expected a number"));
        assertThat(json.has("russiaPaymentShare")).isFalse();
    }

    @Test
    void rowsAreAddedAndRemovedAtAnyDepth() {
        ObjectNode json = SubjectForms.read(SupplierDto.class, form("owners[0].name", "A"), false);
        assertThat(SubjectForms.addRow(SupplierDto.class, json, "owners[0].owners")).isTrue();
        assertThat(SubjectForms.addRow(SupplierDto.class, json, "owners[0].owners[0].owners")).isTrue();
        assertThat(json.at("/owners/0/owners/0/owners")).hasSize(1);
        assertThat(SubjectForms.addRow(SupplierDto.class, json, "exports")).isTrue();
        assertThat(SubjectForms.removeRow(SupplierDto.class, json, "owners[0].owners[0]")).isTrue();
        assertThat(json.at("/owners/0/owners")).isEmpty();
        // Nothing that is not a list of the form, nor a row that is not there.
        assertThat(SubjectForms.addRow(SupplierDto.class, json, "name")).isFalse();
        assertThat(SubjectForms.addRow(SupplierDto.class, json, "nothing")).isFalse();
        assertThat(SubjectForms.addRow(SupplierDto.class, json, "owners[7].owners")).isFalse();
        assertThat(SubjectForms.removeRow(SupplierDto.class, json, "owners[3]")).isFalse();
        assertThat(SubjectForms.removeRow(SupplierDto.class, json, "owners")).isFalse();
    }

    @Test
    void aPostedFormCannotMakeMoreRowsThanTheBound() {
        Map<String, List<String>> f = form("owners[99999].name", "far", "owners[5].name", "near");
        assertThat(SubjectForms.read(SupplierDto.class, f, false).get("owners")).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "name|Name",
            "owners[0].sharePercent|Owner 1 › Share (%)",
            "owners[0].owners[1].name|Owner 1 › owner 2 › Name",
            "exports[2].consignee.kind|Export 3 › Consignee › Kind",
            "payments[0].hsCodes[1]|Payment 1 › HS codes (line 2)",
            "(body)|(body)"})
    void errorsAreNamedAsPeopleCallTheFields(String path, String label) {
        assertThat(SubjectForms.errorLabel(path)).isEqualTo(label);
    }

    @Test
    void theViewMarksTheFieldAnErrorNamesAndListsTheRestAbove() {
        ObjectNode json = SubjectForms.read(GoodsDto.class, form("hsCode", "12"), false);
        SubjectForms.View view = SubjectForms.view(GoodsDto.class, json, List.of(
                new FieldError("hsCode", "must be six digits"), new FieldError("(body)", "something else")));
        SubjectForms.Item hs = view.items().stream().filter(i -> "hsCode".equals(i.name())).findFirst().orElseThrow();
        assertThat(hs.error()).isEqualTo("must be six digits");
        assertThat(hs.value()).isEqualTo("12");
        assertThat(hs.required()).isTrue();
        assertThat(view.errors()).extracting(SubjectForms.ErrorLine::anchor).containsExactly("f-hsCode", null);
        // An error on one line of a one-per-line field is shown at that field, with its line.
        ObjectNode bank = SubjectForms.read(BankDto.class, form("payments[0].hsCodes", "8542.31\n12"), false);
        SubjectForms.View bankView = SubjectForms.view(BankDto.class, bank,
                List.of(new FieldError("payments[0].hsCodes[1]", "must be an HS code")));
        assertThat(bankView.items().stream().filter(i -> "payments[0].hsCodes".equals(i.name())).findFirst().orElseThrow()
                .error()).isEqualTo("line 2: must be an HS code");
        assertThat(bankView.errors().get(0).anchor()).isEqualTo("f-payments-0-hsCodes");
        // Every field of the API's goods record is in the form, bar the kind itself.
        assertThat(view.items().stream().filter(SubjectForms.Item::isField).map(SubjectForms.Item::name))
                .contains("ref", "name", "hsCode", "dualUseCode", "destinationCountry", "endUser.name", "endUser.sector",
                        "noReexportClause", "date")
                .doesNotContain("type");
    }
}
