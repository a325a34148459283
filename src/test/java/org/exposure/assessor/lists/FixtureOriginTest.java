package org.exposure.assessor.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fixtures are what src/test/resources/README.md says they are: each is rebuilt here from the snapshot it was
 * cut from, by the selection the README describes, and must equal the fixture byte for byte. So the fixtures hold
 * nothing edited or made up, and the README's account of them stays true if either is changed.
 */
@Tag(Snapshots.TAG)
class FixtureOriginTest {
    private static final byte[] CRLF = {'\r', '\n'};

    @Test
    void ofacFilesAreTheDescribedRowsOfThePublishedFiles() throws IOException {
        List<byte[]> sdn = ofacRecords(Files.readAllBytes(Snapshots.require("ofac/sdn_2024-05-03.csv")));
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (byte[] line : sdn) {
            CSVRecord r = CSVFormat.DEFAULT.parse(new StringReader(new String(line, StandardCharsets.ISO_8859_1)))
                    .getRecords().get(0);
            ids.add(r.get(0));
            names.add(r.get(1));
        }
        Set<Integer> chosen = new TreeSet<>();
        for (int i = 0; i < 40; i++) {
            chosen.add(i);
        }
        for (int i = 40; i < sdn.size(); i += 60) {
            chosen.add(i);
        }
        for (String named : List.of("17013", "47700", "35096", "25068", "48625", "13122", "37444", "37445")) {
            assertThat(ids).contains(named);
            chosen.add(ids.indexOf(named));
        }
        int commercialBanks = 0;
        for (int i = 0; i < names.size() && commercialBanks < 8; i++) {
            if (names.get(i).contains("COMMERCIAL BANK")) {
                chosen.add(i);
                commercialBanks++;
            }
        }
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Set<String> chosenIds = new HashSet<>();
        for (int i : chosen) {
            expected.writeBytes(sdn.get(i));
            expected.writeBytes(CRLF);
            chosenIds.add(ids.get(i));
        }
        expected.write(0x1a);
        assertThat(Fixtures.bytes(Fixtures.SDN)).isEqualTo(expected.toByteArray());
        assertThat(chosen).hasSize(Fixtures.SDN_ENTRIES);

        // alt.csv and add.csv: every row of the chosen ent_nums, nothing else, in the published order.
        assertThat(Fixtures.bytes(Fixtures.ALT)).isEqualTo(rowsOf(Snapshots.require("ofac/alt_2025-12_watchman.csv"), chosenIds));
        assertThat(Fixtures.bytes(Fixtures.ADD)).isEqualTo(rowsOf(Snapshots.require("ofac/add_2025-12_watchman.csv"), chosenIds));
    }

    /** The published file's records (CRLF-separated lines) without the final 0x1A line, which it must end with. */
    private static List<byte[]> ofacRecords(byte[] file) {
        assertThat(file).endsWith('\r', '\n', 0x1a);
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < file.length - 1; i++) {
            if (file[i] == '\r' && file[i + 1] == '\n') {
                out.add(java.util.Arrays.copyOfRange(file, start, i));
                start = i + 2;
                i++;
            }
        }
        assertThat(start).isEqualTo(file.length - 1);
        return out;
    }

    private static byte[] rowsOf(java.nio.file.Path published, Set<String> ids) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] row : ofacRecords(Files.readAllBytes(published))) {
            String line = new String(row, StandardCharsets.ISO_8859_1);
            if (ids.contains(line.substring(0, line.indexOf(',')))) {
                out.writeBytes(row);
                out.writeBytes(CRLF);
            }
        }
        out.write(0x1a);
        return out.toByteArray();
    }

    @Test
    void cslIsTheDescribedRecordsOfThePublishedFile() throws IOException {
        byte[] published;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Snapshots.require("csl/csl_us_consolidated_2025.csv.gz")))) {
            published = in.readAllBytes();
        }
        String text = new String(published, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        // Records are LF-terminated; a line end inside quotes belongs to the record (an odd count of quotes so far).
        List<String> records = new ArrayList<>();
        StringBuilder current = null;
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            current = current == null ? new StringBuilder(line) : current.append('\n').append(line);
            if (current.chars().filter(c -> c == '"').count() % 2 == 0) {
                records.add(current.toString());
                current = null;
            }
        }
        assertThat(current).isNull();
        String header = records.get(0);
        List<String> body = records.subList(1, records.size());
        assertThat(body).hasSize(14_160);
        List<CSVRecord> parsed = new ArrayList<>();
        for (String r : body) {
            parsed.add(CSVFormat.DEFAULT.parse(new StringReader(r)).getRecords().get(0));
        }
        Set<Integer> chosen = new TreeSet<>();
        for (int i = 0; i < body.size(); i += 60) {
            chosen.add(i);
        }
        Set<String> named = Set.of("17013", "4398d33e9e93c7477af39f1e0bfffc13ddd47bcc", "35096", "25068");
        Map<String, Integer> firstOfList = new LinkedHashMap<>();
        for (int i = 0; i < parsed.size(); i++) {
            if (named.contains(parsed.get(i).get(0))) {
                chosen.add(i);
            }
            firstOfList.putIfAbsent(parsed.get(i).get(1), i);
        }
        assertThat(firstOfList).hasSize(13);
        Set<String> sampledLists = new HashSet<>();
        chosen.forEach(i -> sampledLists.add(parsed.get(i).get(1)));
        firstOfList.forEach((list, i) -> {
            if (!sampledLists.contains(list)) {
                chosen.add(i);
            }
        });
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).contains("\n")) {
                chosen.add(i);
                break;
            }
        }
        StringBuilder expected = new StringBuilder(header).append('\n');
        chosen.forEach(i -> expected.append(body.get(i)).append('\n'));
        assertThat(Fixtures.bytes(Fixtures.CSL)).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(chosen).hasSize(Fixtures.CSL_ROWS);
    }

    @Test
    void unIsTheDescribedElementsOfThePublishedFile() throws IOException {
        String published = Files.readString(Snapshots.require("un/UN_consolidated.xml"), StandardCharsets.UTF_8);
        List<Block> individuals = blocks(published, "INDIVIDUAL");
        List<Block> entities = blocks(published, "ENTITY");
        assertThat(individuals).hasSize(730);
        assertThat(entities).hasSize(273);
        Set<String> named = Set.of("113458", "6908402", "6908072", "6907994");
        StringBuilder expected = new StringBuilder(published.substring(0, individuals.get(0).start()));
        int n = appendChosen(expected, individuals, 6, named);
        expected.append(published, individuals.get(individuals.size() - 1).end(), entities.get(0).start());
        int m = appendChosen(expected, entities, 4, named);
        expected.append(published.substring(entities.get(entities.size() - 1).end()));
        assertThat(Fixtures.bytes(Fixtures.UN)).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(n).isEqualTo(Fixtures.UN_INDIVIDUALS);
        assertThat(m).isEqualTo(Fixtures.UN_ENTITIES);
    }

    /** One element of the file, with its indentation and line end. */
    private record Block(int start, int end, String text) {
    }

    /** The elements, in file order. */
    private static List<Block> blocks(String xml, String tag) {
        Matcher m = Pattern.compile("    <" + tag + ">.*?</" + tag + ">\n", Pattern.DOTALL).matcher(xml);
        List<Block> out = new ArrayList<>();
        while (m.find()) {
            out.add(new Block(m.start(), m.end(), m.group()));
        }
        return out;
    }

    private static int appendChosen(StringBuilder out, List<Block> blocks, int every, Set<String> named) {
        Pattern dataId = Pattern.compile("<DATAID>(\\d+)</DATAID>");
        int n = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Matcher id = dataId.matcher(blocks.get(i).text());
            assertThat(id.find()).isTrue();
            if (i % every == 0 || named.contains(id.group(1))) {
                out.append(blocks.get(i).text());
                n++;
            }
        }
        return n;
    }

    @Test
    void euFilesAreTheSharedSamplesWithoutTheAuthorsOpeningComment() throws IOException {
        assertThat(Fixtures.bytes(Fixtures.EU_FSF))
                .isEqualTo(Files.readAllBytes(Snapshots.require("eu/fsf_sample_gsmiguel_2026-08-05.xml")));
        String jaggeman = Files.readString(Snapshots.require("eu/fsf_sample_jaggeman_2026-08-05.xml"), StandardCharsets.UTF_8);
        assertThat(Files.readString(Fixtures.EU_FSF_WITH_SYNTHETIC, StandardCharsets.UTF_8))
                .isEqualTo(withoutFirstComment(jaggeman));
    }

    @Test
    void ukXmlFilesAreTheSharedSampleWithoutTheAuthorsOpeningCommentAndTheSyntheticRecord() throws IOException {
        String sample = withoutFirstComment(Files.readString(
                Snapshots.require("uk/fcdo_uk_sanctions_list_sample_2026-08-14.xml"), StandardCharsets.UTF_8));
        assertThat(Files.readString(Fixtures.UK_SL_WITH_SYNTHETIC, StandardCharsets.UTF_8)).isEqualTo(sample);
        int synthetic = sample.indexOf("  <!-- Synthetic edge case");
        assertThat(Files.readString(Fixtures.UK_SL, StandardCharsets.UTF_8))
                .isEqualTo(sample.substring(0, synthetic) + sample.substring(sample.indexOf("</Designations>")));
    }

    /** The text without its first XML comment and the line end after it. */
    private static String withoutFirstComment(String xml) {
        int start = xml.indexOf("<!--");
        int end = xml.indexOf("-->", start) + 3;
        assertThat(xml.charAt(end)).isEqualTo('\n');
        return xml.substring(0, start) + xml.substring(end + 1);
    }

    @Test
    void conListCutIsTheDescribedGroupsOfTheSharedCsv() throws IOException {
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Snapshots.require("uk/ofsi_conlist_2025-04-10.csv.gz")))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> records = new ArrayList<>();
        StringBuilder current = null;
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            current = current == null ? new StringBuilder(line) : current.append('\n').append(line);
            if (current.chars().filter(c -> c == '"').count() % 2 == 0) {
                records.add(current.toString());
                current = null;
            }
        }
        List<CSVRecord> rows = new ArrayList<>();
        for (String r : records.subList(2, records.size())) {
            rows.add(CSVFormat.DEFAULT.parse(new StringReader(r)).getRecords().get(0));
        }
        assertThat(rows).hasSize(18_796);
        // Columns: Name Non-Latin Script 7, Group Type 28, Alias Type 29, Alias Quality 30, Group ID 35.
        List<String> chosen = new ArrayList<>();
        for (CSVRecord r : rows) {
            if (chosen.size() < 3 && !chosen.contains(r.get(35))) {
                chosen.add(r.get(35));
            }
        }
        java.util.function.Predicate<CSVRecord>[] firsts = new java.util.function.Predicate[] {
                r -> ((CSVRecord) r).get(28).equals("Ship"), r -> ((CSVRecord) r).get(29).equals("FKA"),
                r -> !((CSVRecord) r).get(7).isBlank(), r -> ((CSVRecord) r).get(30).equals("Low quality"),
                r -> ((CSVRecord) r).get(28).equals("Entity")};
        for (var first : firsts) {
            rows.stream().filter(r -> !chosen.contains(r.get(35))).filter(first).findFirst()
                    .ifPresent(r -> chosen.add(r.get(35)));
        }
        Set<String> withPrimary = new HashSet<>();
        rows.stream().filter(r -> r.get(29).equals("Primary name")).forEach(r -> withPrimary.add(r.get(35)));
        rows.stream().filter(r -> !withPrimary.contains(r.get(35)) && !chosen.contains(r.get(35))).findFirst()
                .ifPresent(r -> chosen.add(r.get(35)));
        StringBuilder expected = new StringBuilder(records.get(0)).append('\n').append(records.get(1)).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            if (chosen.contains(rows.get(i).get(35))) {
                expected.append(records.get(i + 2)).append('\n');
            }
        }
        assertThat(chosen).hasSize(Fixtures.UK_CONLIST_GROUPS);
        assertThat(Files.readString(Fixtures.UK_CONLIST, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    @Test
    void ftmFilesAreCopiedWhole() throws IOException {
        String prefix = "ftm/yente_tests_fixtures_dataset_";
        for (String name : List.of("t1_entities.ftm.json", "t2_20240527194702-wnk_entities.delta.json",
                "t2_20240528014702-pfh_entities.delta.json")) {
            assertThat(Fixtures.bytes(Fixtures.FTM.resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(Snapshots.require(prefix + name)));
        }
    }
}
