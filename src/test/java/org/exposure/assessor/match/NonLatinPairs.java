package org.exposure.assessor.match;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.exposure.assessor.lists.Snapshots;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Writes {@code src/test/resources/match/non-latin-pairs.csv}: listed entries' names in their own script against
 * the same entries' Latin names, from the UN consolidated list ({@code NAME_ORIGINAL_SCRIPT} against the name parts)
 * and the UK consolidated list ({@code Name Non-Latin Script} against Name 1 to 6 of the same row, the entry's
 * primary name row when it has one), each row with its file and entry id. Every Han, Hangul and kana name of the
 * snapshots is taken, and the first {@value #PER_SCRIPT} of each other script (Cyrillic, Arabic, Hebrew, Georgian,
 * ...) per file in file order, so the set is the same for the same snapshots. Run from the project root after
 * {@code mvn test-compile}, with DIR the snapshots directory:
 * <pre>
 *   java -Dsnapshots.dir=DIR -cp target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *       org.exposure.assessor.match.NonLatinPairs
 * </pre>
 * {@code MatchEvaluation} reports the set and {@code NonLatinPairsTest} keeps its floor.
 */
public final class NonLatinPairs {

    static final String UN = "un/UN_consolidated.xml";
    static final String UK = "uk/ofsi_conlist_2025-04-10.csv.gz";
    static final String RESOURCE = "/match/non-latin-pairs.csv";
    static final int PER_SCRIPT = 30;
    /** Scripts rare enough on the lists that all their names are taken. */
    private static final Set<String> ALL = Set.of("HAN", "HANGUL", "KATAKANA", "HIRAGANA");

    /** One pair: the file and entry it is from, the script, the entry's type, the two names. */
    record Row(String source, String entryId, String script, String type, String nonLatin, String latin) {
    }

    private NonLatinPairs() {
    }

    public static void main(String[] args) throws Exception {
        List<Row> rows = new ArrayList<>();
        rows.addAll(un());
        rows.addAll(uk());
        Path out = Path.of("src/test/resources" + RESOURCE);
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                     .setHeader("source", "entry_id", "script", "type", "non_latin", "latin").get())) {
            for (Row r : rows) {
                p.printRecord(r.source(), r.entryId(), r.script(), r.type(), r.nonLatin(), r.latin());
            }
        }
        Map<String, Integer> byScript = new LinkedHashMap<>();
        rows.forEach(r -> byScript.merge(r.script(), 1, Integer::sum));
        System.out.println(rows.size() + " pairs written to " + out + ": " + byScript);
    }

    /** The rows of the shipped file. */
    static List<Row> load() throws IOException {
        List<Row> out = new ArrayList<>();
        try (InputStream in = NonLatinPairs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8);
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                out.add(new Row(rec.get("source"), rec.get("entry_id"), rec.get("script"), rec.get("type"),
                        rec.get("non_latin"), rec.get("latin")));
            }
        }
        return out;
    }

    /** The script of a name's first letter outside Latin, or null when it has none. */
    static String script(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
                if (sc != Character.UnicodeScript.LATIN && sc != Character.UnicodeScript.COMMON) {
                    return sc.name();
                }
            }
        }
        return null;
    }

    private static List<Row> un() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc;
        try (InputStream in = Files.newInputStream(Snapshots.require(UN))) {
            doc = f.newDocumentBuilder().parse(in);
        }
        Selection sel = new Selection();
        for (String tag : List.of("INDIVIDUAL", "ENTITY")) {
            NodeList nodes = doc.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                String original = text(e, "NAME_ORIGINAL_SCRIPT");
                List<String> parts = new ArrayList<>();
                for (String p : List.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")) {
                    String v = text(e, p);
                    if (!v.isEmpty()) {
                        parts.add(v);
                    }
                }
                sel.offer(new Row("un/UN_consolidated.xml", text(e, "REFERENCE_NUMBER"), script(original),
                        tag.equals("INDIVIDUAL") ? "INDIVIDUAL" : "ENTITY", original, String.join(" ", parts)));
            }
        }
        return sel.rows;
    }

    private static String text(Element e, String child) {
        NodeList l = e.getElementsByTagName(child);
        for (int i = 0; i < l.getLength(); i++) {
            Node n = l.item(i);
            if (n.getParentNode() == e) {
                return n.getTextContent().strip();
            }
        }
        return "";
    }

    private static List<Row> uk() throws IOException {
        // One row per name of an entry; the non-Latin name repeats on several. The primary name's row is preferred.
        Map<String, Row> byEntry = new LinkedHashMap<>();
        try (Reader r = new java.io.InputStreamReader(new GZIPInputStream(Files.newInputStream(Snapshots.require(UK))),
                StandardCharsets.UTF_8)) {
            java.io.BufferedReader b = new java.io.BufferedReader(r);
            b.readLine(); // "Last Updated,..."
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(b)) {
                String nonLatin = rec.get("Name Non-Latin Script").strip();
                if (nonLatin.isEmpty()) {
                    continue;
                }
                List<String> parts = new ArrayList<>();
                for (String col : List.of("Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6")) {
                    String v = rec.get(col).strip();
                    if (!v.isEmpty()) {
                        parts.add(v);
                    }
                }
                String type = switch (rec.get("Group Type").strip()) {
                    case "Individual" -> "INDIVIDUAL";
                    case "Ship" -> "VESSEL";
                    default -> "ENTITY";
                };
                String id = rec.get("Group ID").strip();
                Row row = new Row("uk/ofsi_conlist_2025-04-10.csv.gz", id, script(nonLatin), type, nonLatin,
                        String.join(" ", parts));
                boolean primary = rec.get("Alias Type").strip().equalsIgnoreCase("Primary Name");
                if (!byEntry.containsKey(id) || primary) {
                    byEntry.put(id, row);
                }
            }
        }
        Selection sel = new Selection();
        byEntry.values().forEach(sel::offer);
        return sel.rows;
    }

    /** The pairs kept from one file: all of the rare scripts, the first {@link #PER_SCRIPT} of the others. */
    private static final class Selection {
        final List<Row> rows = new ArrayList<>();
        final Map<String, Integer> count = new LinkedHashMap<>();
        final Set<String> seen = new LinkedHashSet<>();

        void offer(Row r) {
            if (r.script() == null || r.latin().isBlank() || script(r.latin()) != null
                    || !seen.add(r.nonLatin() + "\u0000" + r.latin())) {
                return; // no non-Latin name, or no Latin one to compare it with
            }
            int n = count.getOrDefault(r.script(), 0);
            if (ALL.contains(r.script()) || n < PER_SCRIPT) {
                count.put(r.script(), n + 1);
                rows.add(r);
            }
        }
    }
}
