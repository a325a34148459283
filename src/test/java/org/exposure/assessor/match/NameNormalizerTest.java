package org.exposure.assessor.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameNormalizerTest {

    private final NameNormalizer normalizer = new NameNormalizer();

    private List<String> tokens(String name) {
        return normalizer.normalize(name).tokens();
    }

    @Test
    void cyrillicIsTransliteratedLikeTheEnglishSpellingsOnTheLists() {
        assertThat(tokens("Владимир Путин")).containsExactly("vladimir", "putin");
        assertThat(tokens("Сергей Викторович Лавров")).containsExactly("sergey", "viktorovich", "lavrov");
        assertThat(tokens("Ельцин")).containsExactly("yeltsin");
    }

    @Test
    void hanBecomesPinyinWithoutTonesAPersonsNameAsWritten() {
        assertThat(tokens("习近平")).containsExactly("xi", "jinping");
        assertThat(tokens("王伟")).containsExactly("wang", "wei");
        assertThat(tokens("欧阳修")).containsExactly("ouyang", "xiu");
        assertThat(tokens("华为技术有限公司")).containsExactly("hua", "wei", "ji", "shu"); // not a name: syllables
    }

    /** A name, a reading system, and the tokens it must give in that system (among the name's readings). */
    @ParameterizedTest(name = "{0} by {1}")
    @CsvSource(delimiter = '|', textBlock = """
            习近平                    | pinyin           | xi jinping
            习近平                    | pinyin-syllables | xi jin ping
            诸葛亮                    | pinyin           | zhuge liang
            单雄信                    | pinyin           | shan xiongxin
            김정은                    | korean-rr        | kim jeong eun
            김정은                    | korean-rr        | kim jeongeun
            김정은                    | korean-mr        | kim jong un
            김정은                    | korean-mr        | kim jongun
            박지성                    | korean-common    | park ji sung
            박지성                    | korean-mr        | pak ji song
            이민호                    | korean-rr        | lee min ho
            이민호                    | korean-rr        | rhee min ho
            남궁민                    | korean-rr        | namgung min
            블라디미르 푸틴           | korean-loanword  | bladimir putin
            블라디미르 푸틴           | korean-rr        | beulradimireu putin
            山田太郎                  | hepburn          | yamada taro
            田中花子                  | hepburn          | tanaka hanako
            ウラジーミル・プーチン    | icu-kana         | urajimiru puchin
            やまだ たろう             | icu-kana         | yamada tarou
            やまだ たろう             | hepburn          | yamada taro
            Дмитрий Медведев          | bgn-pcgn         | dmitriy medvedev
            Дмитрий Медведев          | iso9             | dmitrij medvedev
            Дмитрий Медведев          | icao             | dmitrii medvedev
            Дмитрий Медведев          | english          | dmitry medvedev
            Александр Петров          | english          | alexander petrov
            Юрий Щукин                | icao             | iurii shchukin
            דוד                       | hebrew-vav       | dvd
            عابد حامد محمود التكريتي  | arabic-common    | abd hamd mhmwd al tkryty
            عابد حامد محمود التكريتي  | icu              | abd hamd mhmwd altkryty
            """)
    void everyReadingOfANameInAnotherScriptIsNamedBySystem(String name, String system, String tokens) {
        List<NameNormalizer.Reading> readings = normalizer.readings(name);
        assertThat(readings).as(name).anySatisfy(r -> {
            assertThat(r.system()).isEqualTo(system);
            assertThat(r.name().text()).isEqualTo(tokens);
        });
        assertThat(readings.get(0).name()).as("the first reading is normalize's").isEqualTo(normalizer.normalize(name));
        assertThat(readings.stream().map(r -> r.name().tokens()).distinct()).hasSize(readings.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Vladimir Putin", "Vladímír Pútín", "VTB Bank PJSC", "Müller GmbH", "Łukasz Żółw"})
    void aNameInLatinScriptHasOneReading(String name) {
        assertThat(normalizer.readings(name)).singleElement().satisfies(r -> {
            assertThat(r.system()).isEqualTo(NameNormalizer.LATIN);
            assertThat(r.name()).isEqualTo(normalizer.normalize(name));
        });
    }

    @Test
    void aKanjiWordWithoutAKnownReadingLeavesTheNameItsOtherReadings() {
        // 習 alone has no reading in the Japanese dictionary: no Hepburn reading, the pinyin ones stay.
        assertThat(normalizer.readings("習近平")).extracting(NameNormalizer.Reading::system)
                .contains("pinyin").doesNotContain("hepburn");
    }

    @Test
    void otherScriptsAndAccentsBecomeAscii() {
        assertThat(tokens("Νικόλαος")).containsExactly("nikolaos");
        assertThat(tokens("Βλαντίμιρ Πούτιν")).containsExactly("vlandimir", "poutin");
        assertThat(tokens("Ντίνος")).containsExactly("dinos");
        assertThat(tokens("Vladímír Pútín")).containsExactly("vladimir", "putin");
        assertThat(tokens("Władimir Putin")).containsExactly("wladimir", "putin");
        NormalizedName arabic = normalizer.normalize("محمد علي");
        assertThat(arabic.abjad()).isTrue();
        assertThat(arabic.tokens()).containsExactly("mhmd", "ly");
    }

    @Test
    void caseAndPunctuationAreFoldedAndDottedInitialsJoined() {
        assertThat(tokens("ANGLO-CARIBBEAN CO., LTD.")).containsExactly("anglo", "caribbean");
        assertThat(tokens("L.X.C. Aviation")).containsExactly("lxc", "aviation");
        assertThat(tokens("PUTIN, Vladimir V.")).containsExactly("putin", "vladimir", "v");
    }

    @Test
    void aTitleStaysWhenOnlyCommonWordsWouldBeLeft() {
        assertThat(tokens("GENERAL TECHNOLOGY LIMITED")).containsExactly("general", "technology");
        assertThat(tokens("General Trading")).containsExactly("general", "trading");
        assertThat(tokens("General Qasem Soleimani")).containsExactly("qasem", "soleimani");
        assertThat(tokens("The Group")).containsExactly("group");
    }

    @Test
    void legalFormsAreRemovedWhereverTheyStandAndKeptAsAFeature() {
        NormalizedName a = normalizer.normalize("VTB Bank PJSC");
        NormalizedName b = normalizer.normalize("PJSC VTB BANK");
        NormalizedName c = normalizer.normalize("Bank VTB, PAO");
        NormalizedName d = normalizer.normalize("Public Joint Stock Company VTB Bank");
        assertThat(a.tokens()).containsExactly("vtb", "bank");
        assertThat(b.tokens()).containsExactly("vtb", "bank");
        assertThat(c.tokens()).containsExactly("bank", "vtb");
        assertThat(d.tokens()).containsExactly("vtb", "bank");
        assertThat(List.of(a, b, c, d)).allSatisfy(n -> assertThat(n.legalForms()).containsExactly("JSC"));

        assertThat(tokens("Gazprom Neft OAO")).containsExactly("gazprom", "neft");
        assertThat(tokens("OOO Romashka")).containsExactly("romashka");
        assertThat(tokens("Obshchestvo s Ogranichennoy Otvetstvennostyu Romashka")).containsExactly("romashka");
        assertThat(tokens("ООО \"Ромашка\"")).containsExactly("romashka");
        assertThat(tokens("Siemens AG")).containsExactly("siemens");
        assertThat(tokens("Mueller GmbH")).containsExactly("mueller");
        assertThat(tokens("FABERLIC EUROPE Sp. z o.o.")).containsExactly("faberlic", "europe");
        assertThat(tokens("Shenzhen Yilufa Dianzi Youxian Gongsi")).containsExactly("shenzhen", "yilufa", "dianzi");
        NormalizedName han = normalizer.normalize("深圳市亿路发电子有限公司");
        assertThat(han.tokens()).containsExactly("shen", "zhen", "shi", "yi", "lu", "fa", "dian", "zi");
        assertThat(han.legalForms()).containsExactly("LTD");
        assertThat(normalizer.normalize("Yilufa Electronics Ltd.").legalForms()).containsExactly("LTD");
    }

    @Test
    void aNameThatIsOnlyALegalFormOrTitleKeepsItsWords() {
        assertThat(tokens("Company")).containsExactly("company");
        assertThat(tokens("President")).containsExactly("president");
        assertThat(tokens("Präsident Putin")).containsExactly("putin");
    }

    @Test
    void emptyNames() {
        assertThat(normalizer.normalize(null).isEmpty()).isTrue();
        assertThat(normalizer.normalize("  ,. ").isEmpty()).isTrue();
    }
}
