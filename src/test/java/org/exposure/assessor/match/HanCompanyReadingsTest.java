package org.exposure.assessor.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.exposure.assessor.testsupport.Matching;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The han-company reading of Chinese company names (generic words translated by {@code match/company-terms-han.txt},
 * places and brands read as pinyin words), and what it does in an index: a company named in characters finds its
 * English name and back (a Thai brand read by RTGS), while two companies that share only generic words and a city stay apart. The names are
 * made up from the table's words.
 */
class HanCompanyReadingsTest {

    private static final ScriptReadings READINGS = new ScriptReadings();
    private static NameIndex index;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            东莞圣寅数控设备有限公司       | dongguan shengyin cnc equipment co ltd                | dongguan shengyin numerical control equipment company limited
            深圳市华星光电技术有限公司     | shenzhen huaxing optoelectronics technology co ltd    | shenzhen huaxing photoelectric technical company limited
            香港明达國際貿易有限公司       | hong kong mingda international trading co ltd         | hk mingda international trade company limited
            臺灣宏達電子股份有限公司       | taiwan hongda electronics co ltd                      | taiwan hongda electronic corporation limited
            北京第一机床厂                 | beijing first machine tool factory                    | beijing first machine tools plant
            杭州天宇海纳信息技术有限公司   | hangzhou tianyu haina information technology co ltd   | hangzhou tianyu haina information technology company limited
            苏州瑞丰恒达通机械有限公司     | suzhou ruifeng hengdatong machinery co ltd            | suzhou ruifeng hengdatong mechanical company limited
            大厂华美物流有限公司           | dachang huamei logistics co ltd                       | dachang huamei logistics company limited
            永丰科技（浙江）有限公司       | yongfeng technology （ zhejiang ） co ltd             | yongfeng science and technology （ zhejiang ） company limited
            金龙物流                       | jinlong logistics                                     | -
            青山农村商业银行股份有限公司   | qingshan rural commercial bank co ltd                 | qingshan rural commercial bank corporation limited
            """)
    void genericWordsAreTranslatedAndTheRestReadAsPinyinWords(String name, String first, String second) {
        List<String> expected = second == null ? List.of(first) : List.of(first, second);
        assertThat(READINGS.hanCompany(name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            习近平
            欧阳修
            王建国
            王建设
            李国际
            北京
            香港
            深圳市
            """)
    void aNameWithoutGenericWordsHasNoCompanyReading(String name) {
        assertThat(READINGS.hanCompany(name)).isEmpty();
        assertThat(new NameNormalizer().readings(name)).noneMatch(r -> r.system().equals("han-company"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            บริษัท สยามเทรดดิ้ง จำกัด            | company siam trading limited             | co siam trading ltd
            บริษัทไทยโฮลดิ้งส์จำกัด(มหาชน)        | company thai holdings limited ( public )  | co thai holdings ltd ( public )
            ธนาคารกรุงเทพ                        | bank กรุงเทพ                             | -
            ရွှေမြန်မာ ကုမ္ပဏီ လီမိတက်             | ရွှေ myanmar company limited            | ရွှေ myanmar co ltd
            เทศบาล                               | -                                        | -
            """)
    void thaiAndBurmeseCompanyWordsAreTranslated(String name, String first, String second) {
        List<String> expected = first == null ? List.of() : second == null ? List.of(first) : List.of(first, second);
        assertThat(READINGS.thaiBurmeseCompany(name)).isEqualTo(expected);
    }

    private static MatchCandidate company(String id, String name) {
        return new MatchCandidate("T", id, name, List.of(), "ENTITY", Set.of(), List.of());
    }

    @BeforeAll
    static void build() {
        List<MatchCandidate> l = new ArrayList<>();
        l.add(company("SY", "DONGGUAN SHENGYIN CNC EQUIPMENT CO., LTD"));
        l.add(company("HX", "深圳市华星光电技术有限公司"));
        l.add(company("MD", "HONG KONG MINGDA INTERNATIONAL TRADING CO., LIMITED"));
        l.add(company("HS", "SINO HAIXING HEAVY INDUSTRIES GROUP"));
        l.add(company("HY", "东莞宏远电子有限公司"));
        l.add(company("TH", "บริษัท มารีน เทรดดิ้ง จำกัด"));
        l.add(company("BK", "ธนาคารกรุงเทพ"));
        l.add(company("MM", "ရွှေမြန်မာ ကုမ္ပဏီ လီမိတက်"));
        // Companies of the same cities and trades, so that "shenzhen", "technology" or "co" weigh as on a list.
        String[] brands = {"Jinlong", "Tianma", "Hengyuan", "Xinhua", "Baoshan", "Ruitai", "Guanghui", "Changfeng"};
        String[] places = {"Shenzhen", "Beijing", "Shanghai", "Guangzhou", "Dongguan", "Hong Kong", "Ningbo",
                "Suzhou"};
        String[] trades = {"Technology", "Electronics", "Machinery", "International Trading", "CNC Equipment",
                "Logistics", "Optoelectronics Technology", "Heavy Industry Group"};
        int n = 0;
        for (int b = 0; b < brands.length; b++) {
            for (int p = 0; p < places.length; p++) {
                l.add(company("B" + n++, places[p] + " " + brands[b] + " " + trades[(b + p) % trades.length]
                        + " Co., Ltd."));
            }
        }
        index = Matching.index(l);
    }

    @ParameterizedTest(name = "{0} -> {1} ({2} / {3})")
    @CsvSource(delimiter = '|', textBlock = """
            东莞圣寅数控设备有限公司                          | SY | han-company | latin
            東莞聖寅數控設備有限公司                          | SY | han-company | latin
            Shenzhen Huaxing Optoelectronics Technology Co., Ltd. | HX | latin | han-company
            香港明达国际贸易有限公司                          | MD | han-company | latin
            中国海星重工集团有限公司                          | HS | han-company | latin
            Marine Trading Co., Ltd.                          | TH | latin       | thai-company
            Krungthep Bank                                    | BK | latin       | thai-company
            Shway Myanmar Company Limited                     | MM | latin       | burmese-company
            """)
    void aCompanyIsFoundAcrossScripts(String query, String entry, String queryReading, String listReading) {
        List<Match> matches = index.match(new MatchQuery(query, "ENTITY", Set.of()));
        assertThat(matches).as(query).isNotEmpty();
        Match best = matches.get(0);
        assertThat(best.entryId()).as(query).isEqualTo(entry);
        assertThat(best.features()).filteredOn(f -> f.feature().equals("reading")).singleElement()
                .satisfies(f -> assertThat(f.detail())
                        .isEqualTo("query read by " + queryReading + ", list name by " + listReading));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            深圳市永丰科技有限公司
            东莞新锐电子有限公司
            深圳市明达光电技术有限公司
            Shenzhen Mingda Optoelectronics Technology Co., Ltd.
            东莞明达电子有限公司
            Dongguan Xinrui Electronics Co., Ltd.
            """)
    void companiesSharingOnlyGenericWordsAndACityDoNotMatch(String query) {
        // Brands of other characters: brands one character apart (宏达 / 宏远) read as close words (hongda /
        // hongyuan), which the matcher tells no better from a misspelling than it does in Latin script.
        assertThat(index.match(new MatchQuery(query, "ENTITY", Set.of()))).as(query).isEmpty();
    }
}
