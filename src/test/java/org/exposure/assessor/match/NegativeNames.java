package org.exposure.assessor.match;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.exposure.assessor.lists.ImportException;
import org.exposure.assessor.lists.uk.UkSanctionsListImporter;
import org.exposure.assessor.lists.Snapshots;
import org.exposure.assessor.testsupport.Matching;

/**
 * Well-known companies and banks that no sanctions list names (and names made of common words only), screened
 * against every list snapshot in one index, as the service screens an owner or a counterparty: every match at or
 * above the threshold is a false match. The set is {@code match/negative-names.csv} (origin in the test resources'
 * README). {@code main} prints every false match; {@link NegativeNamesTest} holds the ceiling.
 */
final class NegativeNames {

    record Name(String name, String country, String kind) {
    }

    record Hit(Name name, Match match) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-40s -> %s %s '%s' (%s) %.3f", name.name(), match.listId(),
                    match.entryId(), match.matchedName(), match.primaryName(), match.score());
        }
    }

    static List<Name> names() throws IOException {
        List<Name> out = new ArrayList<>();
        try (InputStream in = NegativeNames.class.getResourceAsStream("/match/negative-names.csv")) {
            if (in == null) {
                throw new IOException("match/negative-names.csv is not on the test class path");
            }
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                out.add(new Name(r.get("name"), r.get("country"), r.get("kind")));
            }
        }
        return out;
    }

    /** Every list snapshot, as {@link SharedData#allImported()} reads them, and the OFSI consolidated list. */
    static NameIndex index() throws IOException {
        List<MatchCandidate> all = new ArrayList<>();
        for (SharedData.Imported i : SharedData.allImported()) {
            all.addAll(i.candidates());
        }
        try {
            Path uk = Snapshots.require("uk/ofsi_conlist_2025-04-10.csv.gz");
            all.addAll(SharedData.candidates(new UkSanctionsListImporter().importFrom(uk)));
        } catch (ImportException e) {
            throw new IOException(e);
        }
        return Matching.index(all);
    }

    /** The false matches of {@code names} at {@code threshold}: each name's best match, when it reaches it. */
    static List<Hit> hits(NameIndex index, List<Name> names, double threshold) {
        List<Hit> out = new ArrayList<>();
        for (Name n : names) {
            Set<String> countries = n.country().isBlank() ? Set.of() : Set.of(n.country());
            List<Match> found = index.search(new MatchQuery(n.name(), "ENTITY", countries), threshold, 1).matches();
            if (!found.isEmpty()) {
                out.add(new Hit(n, found.get(0)));
            }
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        double t = args.length > 0 ? Double.parseDouble(args[0]) : Matching.THRESHOLD;
        NameIndex index = index();
        List<Name> names = names();
        List<Hit> hits = hits(index, names, t);
        for (Hit h : hits) {
            System.out.println(h);
            if (System.getProperty("eval.explain") != null) {
                h.match().features().forEach(f -> System.out.println("      " + f.feature() + " " + f.contribution() + " " + f.detail()));
            }
        }
        System.out.printf(Locale.ROOT, "false matches at %.2f: %d of %d names%n", t, hits.size(), names.size());
    }
}
