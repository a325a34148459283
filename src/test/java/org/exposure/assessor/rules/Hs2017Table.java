package org.exposure.assessor.rules;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Derives {@code rules/reference/hs2017-to-hs2022.csv} from the UN Statistics Division's HS2022-HS2017
 * correlation written as CSV ({@code hs2017,hs2022,un_relationship}, one row per six-digit link). Test scope: the
 * product only reads the table it writes. Regenerate with
 * <pre>
 * java -cp target/test-classes:$(cat cp.txt) org.exposure.assessor.rules.Hs2017Table CORRELATION.csv \
 *      &gt; rules/reference/hs2017-to-hs2022.csv
 * </pre>
 * The snapshot test {@code Hs2017TableSnapshotTest} checks that the shipped table is exactly what this writes.
 *
 * <p>Which links are kept, and why:
 * <ul>
 * <li>Only HS 2017 codes that are not HS 2022 codes (the HS 2022 codes being the correlation's hs2022 column). A
 * code both editions have is assessed as itself: the UN also links thousands of such codes to other HS 2022 codes
 * (every one whose waste now goes to the e-waste heading 85.49, for one), which would turn a plain code into a
 * fan of unrelated ones.</li>
 * <li>When a removed code has 1:1, 1:n or n:1 links, only those: they are where its goods went. Its n:n links are
 * the many-to-many regroupings (flat-panel modules into 85.24, e-waste into 85.49) that also drew a part of it,
 * and would name codes the goods almost never are (8548.90 would otherwise also test 16 codes, 85.24 and 85.49
 * among them, rather than 8548.00).</li>
 * <li>When it has only n:n links, those outside heading 85.49: waste and scrap is not what a removed code of
 * goods denotes. A code left with no link is left out, and is then assessed as given.</li>
 * </ul>
 */
public final class Hs2017Table {
    static final String HEADER = """
            # HS 2017 six-digit codes that do not exist in HS 2022, each with the HS 2022 code(s) its goods went to and
            # the UN's relationship for that link (read HS2022:HS2017, as the UN writes it: n:1 is several HS 2022
            # codes from one HS 2017 code, 1:n one HS 2022 code from several HS 2017 codes). The assessor tests an
            # HS 2017 code listed here as the HS 2022 code(s) of its rows, and warns that it did.
            # Origin: UN Statistics Division, "HS2022toHS2017ConversionAndCorrelationTables.xlsx", sheet
            # "HS2022-HS2017 Correlations" (unstats.un.org correspondence tables; copy used: public repository
            # insongkim/concordance, data-raw/, commit 201c812e), 15,657 six-digit links.
            # Derived by the test-scope tool org.exposure.assessor.rules.Hs2017Table (its comment has the command):
            # HS 2017 codes absent from the sheet's HS 2022 column; of their links, the 1:1, 1:n and n:1 ones when
            # there are any, else the n:n ones outside the e-waste heading 85.49. 854150 is not listed: the sheet
            # links it only to 85.49.
            """;

    private Hs2017Table() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Hs2017Table CORRELATION.csv (hs2017,hs2022,un_relationship)");
            System.exit(2);
        }
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            System.out.print(derive(in));
        }
    }

    /** The table's whole text, header comment included, rows ordered by HS 2017 then HS 2022 code. */
    static String derive(Reader correlation) {
        List<CSVRecord> rows;
        try {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                    .parse(correlation).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> hs2022 = new HashSet<>();
        rows.forEach(r -> hs2022.add(r.get("hs2022")));
        Map<String, Map<String, String>> removed = new TreeMap<>();
        for (CSVRecord r : rows) {
            if (!hs2022.contains(r.get("hs2017"))) {
                removed.computeIfAbsent(r.get("hs2017"), c -> new TreeMap<>()).put(r.get("hs2022"), r.get("un_relationship"));
            }
        }
        StringBuilder out = new StringBuilder(HEADER).append("hs2017,hs2022,un_relationship\n");
        for (Map.Entry<String, Map<String, String>> code : removed.entrySet()) {
            List<Map.Entry<String, String>> direct = new ArrayList<>();
            List<Map.Entry<String, String>> regrouped = new ArrayList<>();
            for (Map.Entry<String, String> link : code.getValue().entrySet()) {
                if (!"n:n".equals(link.getValue())) {
                    direct.add(link);
                } else if (!link.getKey().startsWith("8549")) {
                    regrouped.add(link);
                }
            }
            for (Map.Entry<String, String> link : direct.isEmpty() ? regrouped : direct) {
                out.append(code.getKey()).append(',').append(link.getKey()).append(',').append(link.getValue()).append('\n');
            }
        }
        return out.toString();
    }
}
