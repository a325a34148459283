package org.exposure.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exposure.assessor.domain.GoodsSubject;
import org.exposure.assessor.lists.Snapshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Loading a ruleset from disk: what makes RuleEngine.load refuse it (and that the message says where), the
 * ruleset version, and that the packaged CHPL equals its source list in the shared data snapshots (that one test is
 * tagged {@code snapshots}: Maven profile {@code snapshots}). Each test works on its own copy of
 * the project's rules/ folder under target/.
 */
class RulesetLoadingTest {
    private static final Path PROJECT_RULES = Path.of("rules");

    /** The copy's rules/ folder, inside a fresh directory under target/. */
    private Path rules;
    private Path work;

    @BeforeEach
    void copyRuleset() throws IOException {
        Path target = Files.createDirectories(Path.of("target", "ruleset-tests"));
        work = Files.createTempDirectory(target, "ruleset-");
        rules = RuleFiles.copy(PROJECT_RULES, work.resolve("rules"));
    }

    @AfterEach
    void deleteCopy() throws IOException {
        RuleFiles.delete(work);
    }



    private RuleEngine load() {
        return RuleEngine.load(RulesetFiles.fromDirectory(rules));
    }

    private void write(String relative, String content) throws IOException {
        Path p = rules.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    private void replaceIn(String relative, String from, String to) throws IOException {
        Path p = rules.resolve(relative);
        String content = Files.readString(p, StandardCharsets.UTF_8);
        assertThat(content).as("%s contains %s", relative, from).contains(from);
        Files.writeString(p, content.replace(from, to), StandardCharsets.UTF_8);
    }

    private static final String FULL_METADATA = """
                @title("Extra rule")
                @severity(LOW)
                @legalBasis("none")
                @remediation("none")
            """;

    // ---------------------------------------------------------------- the copy itself is sound

    @Test
    @DisplayName("an unmodified copy of rules/ loads, with the 11 GOODS rules, and has the project's version")
    void unmodifiedCopyLoads() {
        RuleEngine engine = load();
        assertThat(engine.rules()).hasSizeGreaterThanOrEqualTo(11);
        assertThat(engine.rule("GOODS-CHPL-T1")).isPresent();
        assertThat(engine.version()).isEqualTo(RulesetFiles.fromDirectory(PROJECT_RULES).version());
        assertThat(engine.origin()).isEqualTo(rules.toAbsolutePath().normalize().toString());
    }

    // ---------------------------------------------------------------- (a) compile errors

    @Test
    @DisplayName("(a) a DRL syntax error: RulesetException naming rules/goods/broken.drl and the line")
    void syntaxError() throws IOException {
        write("goods/broken.drl", """
                package rules.goods;

                import org.exposure.assessor.rules.GoodsLine;

                rule "Broken syntax"
                    @id("GOODS-BROKEN")
                when
                    $g : GoodsLine( chplTierNumber == )
                then
                end
                """);
        assertThatThrownBy(this::load)
                .isInstanceOf(RulesetException.class)
                .hasMessageContaining("does not compile")
                .hasMessageContaining("rules/goods/broken.drl:8");
    }

    @Test
    @DisplayName("(a) a DRL compile error (unknown fact type): RulesetException naming rules/goods/broken.drl and the line")
    void unknownType() throws IOException {
        write("goods/broken.drl", """
                package rules.goods;

                rule "Unknown fact type"
                    @id("GOODS-BROKEN")
                when
                    $x : NoSuchFact( weight > 3 )
                then
                end
                """);
        assertThatThrownBy(this::load)
                .isInstanceOf(RulesetException.class)
                .hasMessageContaining("rules/goods/broken.drl:6");
    }

    @Test
    @DisplayName("(a) an error in a consequence (unknown method): RulesetException naming rules/goods/broken.drl")
    void consequenceError() throws IOException {
        write("goods/broken.drl", """
                package rules.goods;

                import org.exposure.assessor.rules.GoodsLine;

                rule "Bad consequence"
                    @id("GOODS-BROKEN")
                when
                    $g : GoodsLine( chplTierNumber == 9 )
                then
                    $g.noSuchMethod();
                end
                """);
        assertThatThrownBy(this::load)
                .isInstanceOf(RulesetException.class)
                .hasMessageContaining("rules/goods/broken.drl:")
                .hasMessageContaining("noSuchMethod");
    }

    // ---------------------------------------------------------------- (b) metadata

    @Test
    @DisplayName("(b) a rule lacking @legalBasis: RulesetException naming the file, the line and legalBasis")
    void missingLegalBasis() throws IOException {
        write("goods/extra.drl", """
                package rules.goods;

                import org.exposure.assessor.rules.GoodsLine;

                rule "No legal basis"
                    @id("GOODS-EXTRA")
                    @title("Extra rule")
                    @severity(LOW)
                    @remediation("none")
                when
                    $g : GoodsLine( chplTierNumber == 9 )
                then
                end
                """);
        assertThatThrownBy(this::load)
                .isInstanceOf(RulesetException.class)
                .hasMessageContaining("rules/goods/extra.drl:5")
                .hasMessageContaining("No legal basis")
                .hasMessageContaining("legalBasis")
                .message().doesNotContain("lacks @title", "lacks @id", "lacks @severity", "lacks @remediation");
    }

    @Test
    @DisplayName("(b) a rule in a new file and package without any metadata: every missing key is named")
    void noMetadataAtAll() throws IOException {
        write("extra/bare.drl", """
                package rules.extra;

                rule "Bare"
                when
                    eval(false)
                then
                end
                """);
        assertThatThrownBy(this::load)
                .isInstanceOf(RulesetException.class)
                .hasMessageContaining("rules/extra/bare.drl:3")
                .hasMessageContaining("lacks @id")
                .hasMessageContaining("lacks @title")
                .hasMessageContaining("lacks @severity")
                .hasMessageContaining("lacks @legalBasis")
                .hasMessageContaining("lacks @remediation");
    }

    @Test
    @DisplayName("(b) a @severity outside the catalogue's scale is rejected")
    void badSeverity() throws IOException {
        write("goods/extra.drl", """
                package rules.goods;

                rule "Critical"
                    @id("GOODS-EXTRA")
                    @title("Extra rule")
                    @severity(CRITICAL)
                    @legalBasis("none")
                    @remediation("none")
                when
                    eval(false)
                then
                end
                """);
        assertThatThrownBy(this::load)
                .isInstanceOf(RulesetException.class)
                .hasMessageContaining("rules/goods/extra.drl:3")
                .hasMessageContaining("CRITICAL");
    }

    // ---------------------------------------------------------------- (c) duplicate id

    @Test
    @DisplayName("(c) a second rule with @id(GOODS-CHPL-T1) is rejected, naming both places")
    void duplicateId() throws IOException {
        write("goods/extra.drl", """
                package rules.goods;

                import org.exposure.assessor.rules.GoodsLine;

                rule "Impostor of tier 1"
                    @id("GOODS-CHPL-T1")
                """ + FULL_METADATA + """
                when
                    $g : GoodsLine( chplTierNumber == 9 )
                then
                end
                """);
        assertThatThrownBy(this::load)
                .isInstanceOf(RulesetException.class)
                .hasMessageContaining("@id(GOODS-CHPL-T1)")
                .hasMessageContaining("rules/goods/extra.drl:5")
                .hasMessageContaining("rules/goods/goods.drl:");
    }

    @Test
    @DisplayName("(c) a duplicate @id within one file, in another package, is rejected too")
    void duplicateIdSameFile() throws IOException {
        write("extra/twice.drl", """
                package rules.extra;

                rule "First"
                    @id("EXTRA-1")
                """ + FULL_METADATA + """
                when
                    eval(false)
                then
                end

                rule "Second"
                    @id("EXTRA-1")
                """ + FULL_METADATA + """
                when
                    eval(false)
                then
                end
                """);
        assertThatThrownBy(this::load)
                .isInstanceOf(RulesetException.class)
                .hasMessageContaining("@id(EXTRA-1)")
                .hasMessageContaining("rules/extra/twice.drl:14 rule \"Second\" repeats @id(EXTRA-1)")
                .hasMessageContaining("of rules/extra/twice.drl:3");
    }

    // ---------------------------------------------------------------- (d) version

    @Test
    @DisplayName("(d) the version is sha256:<64 hex>, equal for identical content, and changes with a reference CSV")
    void versionFollowsContent() throws IOException {
        String original = load().version();
        assertThat(original).matches("sha256:[0-9a-f]{64}");

        // Identical content elsewhere: same version.
        Path twin = RuleFiles.copy(rules, work.resolve("twin"));
        assertThat(RuleEngine.load(RulesetFiles.fromDirectory(twin)).version()).isEqualTo(original);
        assertThat(RulesetFiles.fromDirectory(PROJECT_RULES).version()).isEqualTo(original);

        // A reference CSV changes: a new version, and the new data is in force.
        GoodsSubject chipsToGermany = new GoodsSubject("g", "chips", List.of(), "CN", null, "854231", null, null,
                "CN", "DE", null, null, null);
        assertThat(load().evaluate(chipsToGermany)).extracting(f -> f.ruleId()).doesNotContain("GOODS-TRANSSHIPMENT");
        Files.writeString(rules.resolve("reference/transshipment-countries.csv"), "DE,Germany,test\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        RuleEngine changed = load();
        assertThat(changed.version()).matches("sha256:[0-9a-f]{64}").isNotEqualTo(original);
        assertThat(changed.evaluate(chipsToGermany)).extracting(f -> f.ruleId()).contains("GOODS-TRANSSHIPMENT");

        // Reverting the edit gives back the original version.
        Files.copy(PROJECT_RULES.resolve("reference/transshipment-countries.csv"),
                rules.resolve("reference/transshipment-countries.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(load().version()).isEqualTo(original);
    }

    @Test
    @DisplayName("(d) even a comment-only edit of a CSV gives a new version; the twin copy keeps the old one")
    void versionChangesOnAnyEdit() throws IOException {
        Path twin = RuleFiles.copy(rules, work.resolve("twin"));
        replaceIn("reference/chpl.csv", "# Common High Priority List", "# The Common High Priority List");
        String edited = load().version();
        String untouched = RuleEngine.load(RulesetFiles.fromDirectory(twin)).version();
        assertThat(edited).isNotEqualTo(untouched);
    }

    // ---------------------------------------------------------------- bad HS 2017 table rows

    @Test
    @DisplayName("a row of hs2017-to-hs2022.csv with a 5-digit code or an unknown relationship is rejected, naming the file and line")
    void hs2017BadRows() throws IOException {
        replaceIn("reference/hs2017-to-hs2022.csv", "030510,030910,1:1", "030510,03091,1:1");
        assertThatThrownBy(this::load).isInstanceOf(RulesetException.class)
                .hasMessageContaining("rules/reference/hs2017-to-hs2022.csv:13 ").hasMessageContaining("030510,03091,1:1");
        replaceIn("reference/hs2017-to-hs2022.csv", "030510,03091,1:1", "030510,030910,one");
        assertThatThrownBy(this::load).isInstanceOf(RulesetException.class)
                .hasMessageContaining("rules/reference/hs2017-to-hs2022.csv:13 ").hasMessageContaining("one");
    }

    @Test
    @DisplayName("hs2017-to-hs2022.csv may not list an HS 2022 code as a removed HS 2017 code: it would be tested as itself by some rows and not by others")
    void hs2017CodeThatIsAlsoAnHs2022Code() throws IOException {
        replaceIn("reference/hs2017-to-hs2022.csv", "030510,030910,1:1", "030510,030910,1:1\n030910,030920,1:1");
        assertThatThrownBy(this::load).isInstanceOf(RulesetException.class).hasMessageContaining("030910");
    }

    // ---------------------------------------------------------------- (e) bad CHPL rows

    @Test
    @DisplayName("(e) a CHPL row with tier 5 is rejected, naming chpl.csv, its line and the bad value")
    void chplBadTier() throws IOException {
        replaceIn("reference/chpl.csv", "854231,1,", "854231,5,");
        assertThatThrownBy(this::load)
                .isInstanceOf(RulesetException.class)
                .hasMessageContaining("rules/reference/chpl.csv:6 ")
                .hasMessageContaining("854231,5");
    }

    @Test
    @DisplayName("(e) the line of a bad CHPL row is right after comment and empty lines between rows and a multi-line label")
    void chplLineNumberAfterCommentsAndBlankLines() throws IOException {
        // 4 comment lines, the header on line 5, 854231 on line 6 ... 854239 on line 9, 851762 on line 10.
        replaceIn("reference/chpl.csv", "854239,1,\"integrated circuits: other\"\n",
                "854239,1,\"integrated circuits:\nother\"\n\n# tier 2 follows\n\n");
        // 854239 now spans lines 9-10, then an empty line 11, a comment line 12, an empty line 13: 851762 is on 14.
        replaceIn("reference/chpl.csv", "851762,2,", "851762,9,");
        assertThatThrownBy(this::load)
                .isInstanceOf(RulesetException.class)
                .hasMessageContaining("rules/reference/chpl.csv:14 ")
                .hasMessageContaining("851762,9");
    }

    @Test
    @DisplayName("(e) tiers 3 and 4 without their letter (A/B) and 3C are not CHPL tiers and are rejected")
    void chplTierWithoutLetter() throws IOException {
        for (String bad : List.of("3", "4", "3C", "1A", "")) {
            Files.copy(PROJECT_RULES.resolve("reference/chpl.csv"), rules.resolve("reference/chpl.csv"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            replaceIn("reference/chpl.csv", "848210,3B,", "848210," + bad + ",");
            assertThatThrownBy(this::load).as("tier '%s'", bad)
                    .isInstanceOf(RulesetException.class)
                    .hasMessageContaining("reference/chpl.csv:")
                    .hasMessageContaining("848210," + bad.toUpperCase());
        }
    }

    @Test
    @DisplayName("(e) a CHPL code listed twice is rejected rather than silently re-tiered")
    void chplDuplicateCode() throws IOException {
        replaceIn("reference/chpl.csv", "848210,3B,", "854231,3A,");
        assertThatThrownBy(this::load)
                .isInstanceOf(RulesetException.class)
                .hasMessageContaining("rules/reference/chpl.csv:")
                .hasMessageContaining("854231 again (already tier 1)");
    }

    @Test
    @DisplayName("(e) a lower-case tier (3b) is accepted as 3B")
    void chplLowerCaseTier() throws IOException {
        replaceIn("reference/chpl.csv", "848210,3B,", "848210,3b,");
        assertThat(load().reference().chpl("848210")).get().extracting(ChplEntry::tier).isEqualTo("3B");
    }

    @Test
    @DisplayName("(e) a CHPL row whose code is not six digits is rejected")
    void chplBadCode() throws IOException {
        replaceIn("reference/chpl.csv", "854231,1,", "8542.31,1,");
        assertThatThrownBy(this::load)
                .isInstanceOf(RulesetException.class)
                .hasMessageContaining("rules/reference/chpl.csv:6 ")
                .hasMessageContaining("8542.31");
    }

    @Test
    @DisplayName("a missing reference file or an unknown kind of restricted destination is rejected")
    void otherReferenceProblems() throws IOException {
        replaceIn("reference/restricted-destinations.csv", "oblast,UA,Kherson Oblast,", "province,UA,Kherson Oblast,");
        assertThatThrownBy(this::load)
                .isInstanceOf(RulesetException.class)
                .hasMessageContaining("rules/reference/restricted-destinations.csv:32 ")
                .hasMessageContaining("province");
        Files.copy(PROJECT_RULES.resolve("reference/restricted-destinations.csv"),
                rules.resolve("reference/restricted-destinations.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        load();

        Files.delete(rules.resolve("reference/transshipment-countries.csv"));
        assertThatThrownBy(this::load)
                .isInstanceOf(RulesetException.class)
                .hasMessageContaining("reference/transshipment-countries.csv");
    }

    @Test
    @DisplayName("a ruleset folder that does not exist, or holds no .drl, is rejected")
    void noRuleset() throws IOException {
        assertThatThrownBy(() -> RulesetFiles.fromDirectory(work.resolve("nowhere")))
                .isInstanceOf(RulesetException.class).hasMessageContaining("does not exist");
        // Every .drl of the copy (goods, supplier, bank, ownership...), leaving the reference files.
        try (Stream<Path> paths = Files.walk(rules)) {
            for (Path drl : paths.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Files.delete(drl);
            }
        }
        assertThatThrownBy(this::load).isInstanceOf(RulesetException.class).hasMessageContaining("no .drl");
    }

    // ---------------------------------------------------------------- (f) CHPL equals the shared source

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).get();

    private static Map<String, String> tiersOf(Path csv) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser parser = CSV.parse(reader)) {
            for (CSVRecord r : parser) {
                String previous = out.put(r.get("hs6"), r.get("tier"));
                assertThat(previous).as("%s: code %s appears twice", csv, r.get("hs6")).isNull();
            }
        }
        return out;
    }

    @Test
    @DisplayName("rules/reference/chpl.csv holds 50 codes, 4 of tier 1 and 5 of tier 2, and the engine loads exactly those")
    void chplIsLoadedAsTheFileSays() throws IOException {
        Map<String, String> project = tiersOf(PROJECT_RULES.resolve("reference/chpl.csv"));
        assertThat(project).hasSize(50);
        // Tier sizes of the CHPL as published.
        assertThat(project.values().stream().filter("1"::equals)).hasSize(4);
        assertThat(project.values().stream().filter("2"::equals)).hasSize(5);

        // What the engine loaded is what the file says.
        ReferenceData loaded = load().reference();
        assertThat(loaded.chplEntries()).hasSize(50);
        Map<String, String> loadedTiers = new LinkedHashMap<>();
        loaded.chplEntries().forEach(e -> loadedTiers.put(e.hsCode(), e.tier()));
        assertThat(loadedTiers).isEqualTo(project);
        assertThat(loaded.chplEntries()).allSatisfy(e -> assertThat(e.label()).isNotBlank());
    }

    @Test
    @Tag(Snapshots.TAG)
    @DisplayName("(f) rules/reference/chpl.csv holds exactly the 50 codes and tiers of the CHPL snapshot (23 Feb 2024)")
    void chplEqualsSharedList() throws IOException {
        Map<String, String> project = tiersOf(PROJECT_RULES.resolve("reference/chpl.csv"));
        Map<String, String> shared = tiersOf(Snapshots.require("chpl/chpl_feb2024_hs6.csv"));
        assertThat(shared).hasSize(50);
        assertThat(project).containsExactlyInAnyOrderEntriesOf(shared);
    }
}
