package org.exposure.assessor.match;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Given names and their nicknames (Theodore / Ted, Robert / Bob, Margaret / Peggy, Aleksandr / Sasha), from
 * {@code match/nicknames.csv} (a public table, origin and licence in {@code match/nicknames.NOTICE.md}) and
 * {@code match/nicknames-extra.csv} (Russian short forms). A name of the table has an id; two ids are related when a
 * row names them together, either way round. Loaded once; immutable and thread-safe.
 * <p>
 * A related pair is a strong but not a full token match ({@link #SIMILARITY}): a nickname is how one person is
 * called, but the same nickname stands for several names (Bill is William's and, in the table, Robert's) and the
 * name of the list is the formal one, so it counts a little under the same spelling and as much as a close
 * misspelling (0.9 is what {@link TokenSimilarity} gives a one-letter-off spelling of a six-letter name). The scorer
 * applies it to persons' names only: a company called "Bob" is not a company called "Robert".
 */
final class Nicknames {

    /** The token similarity of a name and its nickname. */
    static final double SIMILARITY = 0.9;

    private static final String[] RESOURCES = {"/match/nicknames.csv", "/match/nicknames-extra.csv"};
    private static final Nicknames INSTANCE = load();

    private final Map<String, Integer> ids;
    /** Per id, the ids related to it, ascending. */
    private final int[][] related;

    private Nicknames(Map<String, Integer> ids, int[][] related) {
        this.ids = ids;
        this.related = related;
    }

    static Nicknames get() {
        return INSTANCE;
    }

    /** The id of {@code token} in the table, or -1. */
    int id(String token) {
        Integer id = ids.get(token);
        return id == null ? -1 : id;
    }

    /** Whether names {@code a} and {@code b} (ids, -1 for none) are a name and its nickname. */
    boolean related(int a, int b) {
        return a >= 0 && b >= 0 && a != b && Arrays.binarySearch(related[a], b) >= 0;
    }

    /** The ids related to {@code id}. */
    int[] relatedTo(int id) {
        return related[id];
    }

    /** How many names the table holds. */
    int size() {
        return related.length;
    }

    private static Nicknames load() {
        Map<String, Integer> ids = new HashMap<>();
        List<int[]> pairs = new ArrayList<>();
        for (String resource : RESOURCES) {
            // The tables' comment lines are left out before the CSV is read: the published table has none, ours do.
            String csv = String.join("\n", ResourceLines.of(resource));
            try (CSVParser rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv))) {
                for (CSVRecord row : rows) {
                    if (row.size() != 3 || !"has_nickname".equals(row.get(1).strip())) {
                        throw new IllegalStateException(resource + ": not name,has_nickname,nickname: " + row);
                    }
                    int a = ids.computeIfAbsent(row.get(0).strip(), k -> ids.size());
                    int b = ids.computeIfAbsent(row.get(2).strip(), k -> ids.size());
                    if (a != b) {
                        pairs.add(new int[]{a, b});
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        int[] count = new int[ids.size()];
        for (int[] p : pairs) {
            count[p[0]]++;
            count[p[1]]++;
        }
        int[][] related = new int[ids.size()][];
        for (int i = 0; i < related.length; i++) {
            related[i] = new int[count[i]];
            count[i] = 0;
        }
        for (int[] p : pairs) {
            related[p[0]][count[p[0]]++] = p[1];
            related[p[1]][count[p[1]]++] = p[0];
        }
        for (int i = 0; i < related.length; i++) {
            related[i] = Arrays.stream(related[i]).sorted().distinct().toArray();
        }
        return new Nicknames(Map.copyOf(ids), related);
    }
}
