package org.exposure.assessor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The README's Layout names every package of the main code and no other, so that a newcomer's map is the tree. */
class ReadmeLayoutTest {
    private static final Path MAIN = Path.of("src/main/java/org/exposure/assessor");

    @Test
    void theLayoutNamesEveryTopLevelPackage() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int from = lines.indexOf("src/main/java/org/exposure/assessor/");
        assertThat(from).as("the Layout's src/main/java line").isNotNegative();
        Set<String> listed = new TreeSet<>();
        Pattern entry = Pattern.compile("^  ([a-z]+)/\\s");
        for (int i = from + 1; i < lines.size() && lines.get(i).startsWith("  "); i++) {
            Matcher m = entry.matcher(lines.get(i));
            if (m.find()) {
                listed.add(m.group(1));
            }
        }
        assertThat(listed).isEqualTo(subpackages(MAIN));
    }

    @Test
    void theListsLineNamesEverySourcePackage() throws IOException {
        String lists = Files.readAllLines(Path.of("README.md")).stream().filter(l -> l.startsWith("  lists/"))
                .findFirst().orElseThrow();
        Set<String> sources = subpackages(MAIN.resolve("lists"));
        sources.remove("download");
        Matcher m = Pattern.compile("one package per source \\(([^)]*)\\)").matcher(lists);
        assertThat(m.find()).as(lists).isTrue();
        assertThat(new TreeSet<>(List.of(m.group(1).split(",\\s*")))).isEqualTo(sources);
    }

    private static Set<String> subpackages(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            Set<String> out = new TreeSet<>();
            children.filter(Files::isDirectory).forEach(p -> out.add(p.getFileName().toString()));
            return out;
        }
    }
}
