package org.exposure.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The place lists behind SUP-BORDER-CROSSING, SUP-FAR-EAST-DEFENSE and FFI-REGIONAL-CHANNEL say where every row comes
 * from, and the loader refuses a row that does not.
 */
class ReferenceSourcesTest {
    private static final Path REFERENCE = Path.of("rules", "reference");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).get();

    private static List<CSVRecord> rows(String file) throws IOException {
        String content = Files.readString(REFERENCE.resolve(file), StandardCharsets.UTF_8);
        try (Reader reader = new StringReader(content); CSVParser parser = FORMAT.parse(reader)) {
            return parser.getRecords();
        }
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("SUP-BORDER-CROSSING, SUP-FAR-EAST-DEFENSE, FFI-REGIONAL-CHANNEL: every row of their reference files has a source (a URL or an OFAC SDN entry)")
    @ValueSource(strings = {"border-crossings.csv", "far-east-defense-regions.csv", "russia-bordering-regions.csv"})
    void everyRowHasASource(String file) throws IOException {
        List<CSVRecord> rows = rows(file);
        assertThat(rows).isNotEmpty();
        for (CSVRecord r : rows) {
            assertThat(r.isSet("source") ? r.get("source") : "").as("%s line %d", file, r.getRecordNumber()).isNotBlank();
            for (String source : r.get("source").split(" ; ")) {
                assertThat(source.strip()).as("%s line %d", file, r.getRecordNumber())
                        .matches("(https?://\\S+|OFAC SDN entry \\d+ \\(.+\\)).*");
            }
        }
    }

    @Test
    @DisplayName("SUP-BORDER-CROSSING: every crossing has a kind, both sides in Latin and in their own script, all in Heilongjiang, Inner Mongolia or Jilin")
    void crossingsAreComplete() throws IOException {
        List<CSVRecord> rows = rows("border-crossings.csv");
        for (CSVRecord r : rows) {
            assertThat(r.get("kind")).isIn("road", "rail", "river", "road bridge", "rail bridge");
            assertThat(r.get("province")).isIn("Heilongjiang", "Inner Mongolia", "Jilin");
            assertThat(r.get("chinese_hanzi")).matches("\\p{IsHan}+");
            assertThat(r.get("russian_cyrillic")).matches("[\\p{IsCyrillic} -]+");
            assertThat(r.get("chinese_side")).matches("[A-Za-z ]+");
            assertThat(r.get("russian_side")).matches("[A-Za-z' -]+");
        }
        assertThat(rows).filteredOn(r -> r.get("province").equals("Heilongjiang")).hasSize(17);
    }

    @Test
    @DisplayName("FFI-REGIONAL-CHANNEL: the file says which regions border Russia, and Liaoning does not")
    void liaoningDoesNotBorderRussia() throws IOException {
        Map<String, String> borders = new HashMap<>();
        for (CSVRecord r : rows("russia-bordering-regions.csv")) {
            borders.put(r.get("region"), r.get("borders_russia"));
        }
        assertThat(borders).containsEntry("Liaoning", "false").containsEntry("Heilongjiang", "true")
                .containsEntry("Jilin", "true").containsEntry("Inner Mongolia", "true").containsEntry("Xinjiang", "true");
    }

    @Test
    @DisplayName("SUP-FAR-EAST-DEFENSE: every region names the plant that puts it on the list")
    void everyRegionNamesAPlant() throws IOException {
        for (CSVRecord r : rows("far-east-defense-regions.csv")) {
            assertThat(r.get("plant")).as(r.get("region")).isNotBlank();
        }
    }

    private static Map<String, String> files() throws IOException {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> list = Files.list(REFERENCE)) {
            for (Path p : list.toList()) {
                files.put("reference/" + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("SUP-BORDER-CROSSING, SUP-FAR-EAST-DEFENSE, FFI-REGIONAL-CHANNEL: a row without a source does not load, and the message says where")
    @CsvSource(delimiter = '|', textBlock = """
            border-crossings.csv         | Jilin,road,Testport,测试,Testovo,Тестово,,,,
            far-east-defense-regions.csv | Test Krai,Test plant,Testograd,
            russia-bordering-regions.csv | CN,Testland,,true,
            """)
    void rowWithoutSourceIsRefused(String file, String row) throws IOException {
        Map<String, String> files = files();
        String key = "reference/" + file;
        files.put(key, files.get(key).stripTrailing() + "\n" + row + "\n");
        assertThatThrownBy(() -> ReferenceData.load(files)).isInstanceOf(RulesetException.class)
                .hasMessageContaining("rules/" + key + ":").hasMessageContaining("no source");
    }

    @Test
    @DisplayName("FFI-REGIONAL-CHANNEL: borders_russia must be true or false")
    void bordersRussiaMustBeBoolean() throws IOException {
        Map<String, String> files = files();
        String key = "reference/russia-bordering-regions.csv";
        files.put(key, files.get(key).replace("CN,Liaoning,辽宁|Liaoning Sheng,false,", "CN,Liaoning,辽宁|Liaoning Sheng,no,"));
        assertThatThrownBy(() -> ReferenceData.load(files)).isInstanceOf(RulesetException.class)
                .hasMessageContaining("borders_russia must be true or false");
    }

    @Test
    @DisplayName("SUP-BORDER-CROSSING: the loaded list finds Kani-Kurgan, and the Chinese name of the bridge's town")
    void loadedListFindsCrossings() throws IOException {
        ReferenceData data = ReferenceData.load(files());
        assertThat(data.borderCrossing("Кани-Курган")).get().extracting(BorderCrossing::label)
                .isEqualTo("Heihe–Blagoveshchensk (Kani-Kurgan) road bridge (Heilongjiang)");
        assertThat(data.borderCrossing("黑河")).get().extracting(BorderCrossing::label)
                .isEqualTo("Heihe–Blagoveshchensk river port or road bridge (Heilongjiang)");
        assertThat(data.borderCrossing("Khorgos")).isEmpty();
    }
}
