package org.exposure.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.exposure.assessor.domain.Finding;
import org.exposure.assessor.domain.GoodsSubject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compiled rules kept on disk between starts: a second "start" (the in-process cache forgotten) reads the
 * classes instead of compiling, and the rules so loaded decide as compiled ones do; a damaged file is removed and
 * the rules compiled; another DRL gets a file of its own.
 */
class CompiledRulesStoreTest {
    private Path work;
    private Path rules;
    private Path store;

    @BeforeEach
    void copyRuleset() throws IOException {
        work = Files.createTempDirectory(Files.createDirectories(Path.of("target", "ruleset-tests")), "store-");
        rules = RuleFiles.copy(RuleFiles.PROJECT_RULES, work.resolve("rules"));
        // A DRL of this test's own (a comment with a fresh value), so no earlier load in this JVM is reused.
        appendTo("goods/goods.drl", "\n// " + System.nanoTime() + "\n");
        store = work.resolve("compiled");
        RuleEngine.forgetCompiled();
    }

    @AfterEach
    void delete() throws IOException {
        RuleEngine.forgetCompiled();
        RuleFiles.delete(work);
    }

    private RuleEngine load() {
        return RuleEngine.load(RulesetFiles.fromDirectory(rules), CompiledRulesStore.in(store));
    }

    private void appendTo(String relative, String text) throws IOException {
        Path p = rules.resolve(relative);
        Files.writeString(p, Files.readString(p, StandardCharsets.UTF_8) + text, StandardCharsets.UTF_8);
    }

    private List<Path> kept() throws IOException {
        if (!Files.isDirectory(store)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(store)) {
            return s.filter(p -> p.toString().endsWith(".kjar")).sorted().toList();
        }
    }

    /** Integrated circuits to Russia: GOODS-CHPL-T1 and GOODS-RESTRICTED-DEST fire; the findings compared whole. */
    private static List<Finding> decide(RuleEngine engine) {
        GoodsSubject goods = new GoodsSubject("g-1", "processors", List.of(), "CN", null, "854231", null, "test",
                "CN", "RU", null, null, null);
        return engine.evaluate(goods, List.of(), LocalDate.of(2026, 6, 1));
    }

    @Test
    void a_second_start_reads_the_compiled_classes_and_decides_alike() throws IOException {
        RuleEngine first = load();
        assertThat(first.built()).isEqualTo("compiled");
        assertThat(kept()).hasSize(1);

        RuleEngine.forgetCompiled();
        RuleEngine second = load();
        assertThat(second.built()).startsWith("compiled classes read from");
        assertThat(second.rules()).isEqualTo(first.rules());
        List<Finding> findings = decide(second);
        assertThat(findings).isNotEmpty().isEqualTo(decide(first));
        assertThat(findings).extracting(Finding::ruleId).contains("GOODS-CHPL-T1", "GOODS-RESTRICTED-DEST");
    }

    @Test
    void a_damaged_file_is_removed_and_the_rules_compiled_again() throws IOException {
        load();
        Path file = kept().get(0);
        Files.write(file, "not a jar".getBytes(StandardCharsets.UTF_8));

        RuleEngine.forgetCompiled();
        RuleEngine engine = load();
        assertThat(engine.built()).isEqualTo("compiled");
        assertThat(decide(engine)).extracting(Finding::ruleId).contains("GOODS-CHPL-T1", "GOODS-RESTRICTED-DEST");
        // Written again whole by that compile, and read at the next start.
        assertThat(Files.size(file)).isGreaterThan(1000);
        RuleEngine.forgetCompiled();
        assertThat(load().built()).startsWith("compiled classes read from");
    }

    @Test
    void another_drl_gets_a_file_of_its_own_and_is_never_answered_by_the_old_one() throws IOException {
        load();
        appendTo("goods/goods.drl", "\n// another\n");
        RuleEngine.forgetCompiled();
        RuleEngine engine = load();
        assertThat(engine.built()).isEqualTo("compiled");
        assertThat(kept()).hasSize(2);
    }

    @Test
    void without_a_store_nothing_is_written() {
        RuleEngine engine = RuleEngine.load(RulesetFiles.fromDirectory(rules), CompiledRulesStore.none());
        assertThat(engine.built()).isEqualTo("compiled");
        assertThat(store).doesNotExist();
    }
}
