package org.exposure.assessor.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

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
    void hanBecomesPinyinWithoutTones() {
        assertThat(tokens("习近平")).containsExactly("xi", "jin", "ping");
        assertThat(tokens("王伟")).containsExactly("wang", "wei");
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
