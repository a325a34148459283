package org.exposure.assessor.match;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.exposure.assessor.lists.Alias;
import org.exposure.assessor.lists.Identifier;
import org.exposure.assessor.lists.csl.CslImporter;
import org.exposure.assessor.lists.opensanctions.FtmImporter;
import org.exposure.assessor.lists.ImportException;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.ListEntry;
import org.exposure.assessor.lists.ofac.OfacSdnImporter;
import org.exposure.assessor.lists.Snapshots;
import org.exposure.assessor.lists.un.UnConsolidatedImporter;

/**
 * Minimal readers for the shared data snapshots (the directory given by {@code -Dsnapshots.dir}, see
 * {@link Snapshots}), for the matcher's snapshot tests and benchmark ({@link #sdnImported()} goes through the
 * project's own importer). A missing file is an error, not a skip.
 */
final class SharedData {

    static final String SDN = "ofac/sdn_2024-05-03.csv";
    static final String ALT = "ofac/alt_2025-12_watchman.csv";
    static final String ADD = "ofac/add_2025-12_watchman.csv";

    private SharedData() {
    }

    /** Rows of a name-set CSV with a header, as header → value maps. */
    static List<Map<String, String>> nameSet(String file) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(Snapshots.require("namematch/" + file), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                out.add(new LinkedHashMap<>(rec.toMap()));
            }
        }
        return out;
    }

    /** SDN entries (primary name, type, programs) keyed by ent_num, in file order. */
    static Map<String, MatchCandidate> sdn() throws IOException {
        Map<String, MatchCandidate> out = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(Snapshots.require(SDN), StandardCharsets.ISO_8859_1)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.parse(r)) {
                if (rec.size() < 4) {
                    continue; // the trailing 0x1A line
                }
                String type = value(rec.get(2));
                String t = type == null ? "ENTITY" : type;
                List<String> programs = value(rec.get(3)) == null ? List.of()
                        : List.of(rec.get(3).trim().split("\\] \\["));
                out.put(rec.get(0).trim(), new MatchCandidate("OFAC-SDN", rec.get(0).trim(), rec.get(1).trim(),
                        List.of(), t, Set.of(), programs));
            }
        }
        return out;
    }

    /** SDN entries with their aliases from the alt file (aliases of ent_num absent from the SDN file skipped). */
    static List<MatchCandidate> sdnWithAliases() throws IOException {
        Map<String, MatchCandidate> sdn = sdn();
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(Snapshots.require(ALT), StandardCharsets.ISO_8859_1)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.parse(r)) {
                if (rec.size() < 4) {
                    continue;
                }
                String id = rec.get(0).trim();
                String name = value(rec.get(3));
                if (name != null && sdn.containsKey(id)) {
                    aliases.computeIfAbsent(id, k -> new ArrayList<>()).add(name);
                }
            }
        }
        List<MatchCandidate> out = new ArrayList<>(sdn.size());
        for (MatchCandidate c : sdn.values()) {
            out.add(new MatchCandidate(c.listId(), c.entryId(), c.primaryName(),
                    aliases.getOrDefault(c.entryId(), List.of()), c.type(), c.countries(), c.programs()));
        }
        return out;
    }

    /**
     * The SDN snapshot read by the project's importer (sdn.csv with alt.csv and add.csv), as the screening index
     * sees it: aliases the list calls weak left out, two-letter countries only.
     */
    static List<MatchCandidate> sdnImported() throws IOException {
        try {
            return candidates(new OfacSdnImporter().importFrom(Snapshots.require(SDN), Snapshots.require(ALT),
                    Snapshots.require(ADD)));
        } catch (ImportException e) {
            throw new IOException(e);
        }
    }

    /** One source's snapshot as imported, with the time the import took. */
    record Imported(String label, long bytes, long nanos, List<MatchCandidate> candidates) {
    }

    /**
     * Every list snapshot of the shared data, each read by the project's own importer: OFAC SDN (with alt and
     * add), the US CSL, the UN consolidated list and each OpenSanctions FtM file, as the screening index holds them.
     */
    static List<Imported> allImported() throws IOException {
        List<Imported> out = new ArrayList<>();
        try {
            Path sdnFile = Snapshots.require(SDN);
            Path altFile = Snapshots.require(ALT);
            Path addFile = Snapshots.require(ADD);
            long t = System.nanoTime();
            ImportResult sdn = new OfacSdnImporter().importFrom(sdnFile, altFile, addFile);
            out.add(new Imported("OFAC-SDN (sdn+alt+add)", Files.size(sdnFile) + Files.size(altFile) + Files.size(addFile),
                    System.nanoTime() - t, candidates(sdn)));
            Path csl = Snapshots.require("csl/csl_us_consolidated_2025.csv.gz");
            t = System.nanoTime();
            ImportResult c = new CslImporter().importFrom(csl);
            out.add(new Imported("US-CSL", Files.size(csl), System.nanoTime() - t, candidates(c)));
            Path un = Snapshots.require("un/UN_consolidated.xml");
            t = System.nanoTime();
            ImportResult u = new UnConsolidatedImporter().importFrom(un);
            out.add(new Imported("UN", Files.size(un), System.nanoTime() - t, candidates(u)));
            try (var files = Files.list(Snapshots.dir().resolve("ftm"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json"))
                        // One version per source is in force: the full export, not the deltas that follow it.
                        .filter(p -> !p.getFileName().toString().contains(".delta.")).sorted().toList()) {
                    t = System.nanoTime();
                    ImportResult r = new FtmImporter().importFrom(f);
                    out.add(new Imported("OPENSANCTIONS " + f.getFileName(), Files.size(f), System.nanoTime() - t,
                            candidates(r)));
                }
            }
        } catch (ImportException e) {
            throw new IOException(e);
        }
        return out;
    }

    static List<MatchCandidate> candidates(ImportResult r) {
        List<MatchCandidate> out = new ArrayList<>(r.entryCount());
        for (ListEntry e : r.entries()) {
            List<String> aliases = new ArrayList<>();
            for (Alias a : e.aliases()) {
                if (!a.weak()) {
                    aliases.add(a.name());
                }
            }
            Set<String> countries = new LinkedHashSet<>();
            for (String c : e.countries()) {
                if (c.length() == 2) {
                    countries.add(c.toUpperCase(Locale.ROOT));
                }
            }
            // The identifiers the screening index takes from the stored entry (see IndexBuilder).
            Set<MatchIdentifier> ids = new LinkedHashSet<>();
            for (Identifier i : e.identifiers()) {
                MatchIdentifier id = Identifiers.listed(i.type(), i.value(), i.country());
                if (id != null) {
                    ids.add(id);
                }
            }
            out.add(new MatchCandidate(e.source(), e.id(), e.name(), aliases, e.type().name(), countries, e.programs(),
                    ids.isEmpty() ? MatchAttributes.NONE : new MatchAttributes(List.copyOf(ids), Set.of(), Set.of(), Set.of())));
        }
        return out;
    }

    private static String value(String s) {
        String t = s.trim();
        return t.isEmpty() || t.equals("-0-") ? null : t;
    }

    static String schemaType(String schema) {
        return switch (schema) {
            case "Person" -> "INDIVIDUAL";
            case "Company", "Organization", "LegalEntity" -> "ENTITY";
            case "Vessel" -> "VESSEL";
            case "Airplane" -> "AIRCRAFT";
            default -> null;
        };
    }
}
