package org.exposure.assessor.match;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.exposure.assessor.testsupport.Matching;

/**
 * Writes, for the names {@link MatchBench} screens (and the same names again as typed queries with a country, at a
 * low threshold so that far more names are scored and explained), every match with its full-precision score and
 * every line of its explanation, and how many names were considered and scored, one line per query. Two builds of
 * the matcher that write the same file give the same answers to these queries: for checking that a change to the
 * matcher's speed changes nothing it returns. Not a test. Run from the project root after {@code mvn test-compile}:
 * <pre>
 *   java -Dsnapshots.dir=DIR -cp target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *       org.exposure.assessor.match.MatchDump OUT [queries, default 30000]
 * </pre>
 */
public final class MatchDump {

    private MatchDump() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        List<MatchCandidate> entries = new ArrayList<>();
        for (SharedData.Imported i : SharedData.allImported()) {
            entries.addAll(i.candidates());
        }
        NameIndex index = NameIndex.build(entries, new NameNormalizer(), Matching.THRESHOLD, Matching.CANDIDATE_CAP);
        List<String> queries = MatchBench.queries(entries, n, new Random(2024));
        String[] types = {null, "INDIVIDUAL", "ENTITY", "VESSEL"};
        String[] countries = {"RU", "IR", "CN", "SY", "US"};
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < queries.size(); i++) {
                String name = queries.get(i);
                write(w, "default", name, index.search(MatchQuery.of(name), index.threshold(), 10));
                MatchQuery typed = new MatchQuery(name, types[i % types.length],
                        i % 7 == 0 ? Set.of() : Set.of(countries[i % countries.length]));
                write(w, "typed", name, index.search(typed, 0.6, 25));
            }
        }
    }

    private static void write(BufferedWriter w, String kind, String name, NameIndex.Result r) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append(kind).append('\t').append(name).append("\tconsidered=").append(r.namesConsidered())
                .append(" scored=").append(r.namesScored());
        for (Match m : r.matches()) {
            b.append("\n  ").append(m.listId()).append(' ').append(m.entryId()).append(" '").append(m.matchedName())
                    .append("' ").append(m.score());
            for (MatchFeature f : m.features()) {
                b.append("\n    ").append(f.feature()).append(' ').append(f.value()).append(' ')
                        .append(f.contribution()).append(' ').append(f.detail());
            }
        }
        w.write(b.append('\n').toString());
    }
}
