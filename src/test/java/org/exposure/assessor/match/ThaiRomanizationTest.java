package org.exposure.assessor.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Thai words and places read by the simplified RTGS of {@link ThaiRomanization}, as they are spelt in English. */
class ThaiRomanizationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            กรุงเทพ          | krungthep
            สยาม             | sayam
            ทักษิณ           | thaksin
            ประเทศไทย        | prathetthai
            เชียงใหม่         | chiangmai
            ภูเก็ต            | phuket
            สบาย             | sabai
            คน               | khon
            เงิน              | ngoen
            ตัว               | tua
            เมือง             | mueang
            เรือ              | ruea
            ธนาคาร           | thanakhan
            จำกัด             | chamkat
            ศักดิ์สิทธิ์         | saksit
            อภิสิทธิ์          | aphisit
            จันทร์โอชา        | chanocha
            ABC กรุงเทพ 2    | ABC krungthep 2
            """)
    void readsAsRtgsSpellsIt(String thai, String latin) {
        assertThat(ThaiRomanization.read(thai)).isEqualTo(latin);
    }
}
