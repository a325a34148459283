package org.exposure.assessor.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reading a candidate ruleset from an untrusted zip: the paths, the limits, the encoding. */
class RulesetArchiveTest {

    private static Map<String, String> read(byte[] zip) {
        return RulesetArchive.read(new ByteArrayInputStream(zip));
    }

    private static RulesetArchive.Refused refused(byte[] zip) {
        try {
            read(zip);
        } catch (RulesetArchive.Refused e) {
            return e;
        }
        throw new AssertionError("the archive was accepted");
    }

    @Test
    @DisplayName("a zip of the rules/ folder and a zip of its content give the same files, directories left out")
    void rootedOrNot() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("rules/", "");
        entries.put("rules/goods/goods.drl", "package rules.goods;\n");
        entries.put("rules/reference/chpl.csv", "hs6,tier,label\n");
        Map<String, String> underRules = read(Zips.of(entries));
        Map<String, String> atRoot = read(Zips.of(Map.of("goods/goods.drl", "package rules.goods;\n",
                "reference/chpl.csv", "hs6,tier,label\n")));
        assertThat(underRules).isEqualTo(atRoot).containsOnlyKeys("goods/goods.drl", "reference/chpl.csv");
    }

    @Test
    @DisplayName("a body that is not a zip, or a truncated one, is refused for the body")
    void notAZip() {
        assertThat(refused("not a zip at all".getBytes()).entry()).isEqualTo("(body)");
        assertThat(refused("not a zip at all".getBytes()).getMessage()).contains("is not a zip archive");
        assertThat(refused(new byte[0]).getMessage()).contains("is not a zip archive");
        byte[] zip = Zips.of(Map.of("goods/goods.drl", "x".repeat(5000)));
        byte[] cut = java.util.Arrays.copyOf(zip, 60);
        assertThat(refused(cut).entry()).isEqualTo("(body)");
    }

    @Test
    @DisplayName("a path climbing out of the root, or an absolute one, is refused naming the entry")
    void paths() {
        RulesetArchive.Refused climbing = refused(Zips.of(Map.of("rules/../../etc/passwd.drl", "x")));
        assertThat(climbing.entry()).isEqualTo("rules/../../etc/passwd.drl");
        assertThat(climbing.getMessage()).contains("'..'");
        assertThat(refused(Zips.of(Map.of("/etc/goods.drl", "x"))).getMessage()).contains("absolute path");
        assertThat(refused(Zips.of(Map.of("C:\\rules\\goods.drl", "x"))).getMessage()).contains("absolute path");
        assertThat(refused(Zips.of(Map.of("goods\\..\\..\\x.drl", "x"))).getMessage()).contains("'..'");
    }

    @Test
    @DisplayName("more than 500 entries are refused while reading, as too large")
    void tooManyEntries() {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i <= RulesetArchive.MAX_ENTRIES; i++) {
            entries.put("goods/r" + i + ".drl", "");
        }
        RulesetArchive.Refused e = refused(Zips.of(entries));
        assertThat(e.tooLarge()).isTrue();
        assertThat(e.getMessage()).contains("more than 500 entries");
        entries.remove("goods/r0.drl");
        assertThat(read(Zips.of(entries))).hasSize(RulesetArchive.MAX_ENTRIES);
    }

    @Test
    @DisplayName("a zip bomb is refused once 20 MB are inflated, whatever sizes its headers declare")
    void zipBomb() throws IOException {
        // 21 MB of one byte compresses to some 20 KB; the sizes written in the headers are not what is counted.
        RulesetArchive.Refused e = refused(Zips.raw("goods/bomb.drl", new byte[21 * 1024 * 1024]));
        assertThat(e.tooLarge()).isTrue();
        assertThat(e.entry()).isEqualTo("goods/bomb.drl");
        assertThat(e.getMessage()).contains("inflates to more than 20971520 bytes");

        // Several entries that are each small but together too large.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < 3; i++) {
                zip.putNextEntry(new ZipEntry("reference/part" + i + ".csv"));
                zip.write(new byte[8 * 1024 * 1024]);
                zip.closeEntry();
            }
        }
        assertThat(refused(out.toByteArray()).tooLarge()).isTrue();
    }

    @Test
    @DisplayName("a file that is not UTF-8, or an entry given twice, is refused naming the entry")
    void encodingAndDuplicates() {
        RulesetArchive.Refused e = refused(Zips.raw("reference/chpl.csv", new byte[] {'h', 's', (byte) 0xC3, (byte) 0x28}));
        assertThat(e.entry()).isEqualTo("reference/chpl.csv");
        assertThat(e.getMessage()).contains("is not UTF-8");
        assertThat(e.tooLarge()).isFalse();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("goods/goods.drl"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("goods//goods.drl"));
            zip.closeEntry();
        } catch (IOException ex) {
            throw new AssertionError(ex);
        }
        assertThat(refused(out.toByteArray()).getMessage()).contains("twice");
    }

    @Test
    @DisplayName("text in UTF-8 beyond ASCII is read as written")
    void utf8() {
        assertThat(read(Zips.of(Map.of("reference/border-crossings.csv", "绥芬河,Пограничный\n"))))
                .containsEntry("reference/border-crossings.csv", "绥芬河,Пограничный\n");
    }

    @Test
    @DisplayName("the diff of two rulesets: added, removed and changed files, each change as a unified diff")
    void diff() {
        RulesetDiff.Files d = RulesetDiff.between(
                Map.of("a.drl", "one\ntwo\nthree\n", "gone.csv", "x\n", "same.csv", "s\n"),
                Map.of("a.drl", "one\n2\nthree\n", "new.yaml", "- y\n", "same.csv", "s\n"));
        assertThat(d.added()).containsExactly("new.yaml");
        assertThat(d.removed()).containsExactly("gone.csv");
        assertThat(d.changed()).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("a.drl");
            assertThat(c.diff()).isEqualTo("--- a/a.drl\n+++ b/a.drl\n@@ -1,3 +1,3 @@\n one\n-two\n+2\n three\n");
        });
        assertThatThrownBy(() -> refused(Zips.of(Map.of("goods/goods.drl", "ok")))).isInstanceOf(AssertionError.class);
    }
}
