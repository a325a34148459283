package org.exposure.assessor.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.List;

import org.exposure.assessor.domain.BankSubject;
import org.exposure.assessor.domain.GoodsSubject;
import org.exposure.assessor.domain.Payment;
import org.exposure.assessor.domain.Warning;
import org.exposure.assessor.rules.HsNomenclature;
import org.exposure.assessor.rules.ReferenceData;
import org.exposure.assessor.testsupport.BankBuilder;
import org.exposure.assessor.testsupport.Engines;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** HS_CODE_CORRELATED for an HS 2017 code HS 2022 renumbered or split, HS_CODE_UNKNOWN for any other code it lacks. */
class HsCodeWarningsTest {
    private static final HsNomenclature HS = HsNomenclature.read(Path.of("rules").resolve(HsNomenclature.PACKAGED));
    private static final ReferenceData REF = Engines.project().reference();

    private static GoodsSubject goods(String hs) {
        return new GoodsSubject(null, null, List.of(), null, null, hs, null, null, null, "DE", null, null, null);
    }

    @Test
    @DisplayName("HS 2017 8548.90 is correlated to 8548.00, not unknown; 8517.12 names both of its codes")
    void correlated() {
        assertThat(InputWarnings.of(goods("854890"), HS, REF)).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("HS_CODE_CORRELATED");
            assertThat(w.field()).isEqualTo("hsCode");
            assertThat(w.message()).contains("8548.90", "HS 2017", "HS 2022 8548.00");
        });
        assertThat(InputWarnings.of(goods("851712"), HS, REF)).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("8517.13 and 8517.14"));
    }

    @Test
    @DisplayName("a code neither edition has stays HS_CODE_UNKNOWN, an HS 2022 code gets no warning; paths as given")
    void unknownAndKnown() {
        assertThat(InputWarnings.of(goods("999999"), HS, REF)).extracting(Warning::code).containsExactly("HS_CODE_UNKNOWN");
        assertThat(InputWarnings.of(goods("854231"), HS, REF)).isEmpty();
        BankSubject bank = BankBuilder.bank().pay(new Payment(null, List.of("854231", "880330", "123456"), "RU", null, null)).build();
        assertThat(InputWarnings.of(bank, HS, REF)).extracting(Warning::code, Warning::field).containsExactly(
                tuple("HS_CODE_CORRELATED", "payments[0].hsCodes[1]"), tuple("HS_CODE_UNKNOWN", "payments[0].hsCodes[2]"));
    }
}
