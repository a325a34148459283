package org.exposure.assessor.match;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.exposure.assessor.lists.Identifier;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.ListEntry;
import org.exposure.assessor.lists.Snapshots;
import org.exposure.assessor.lists.csl.CslImporter;
import org.exposure.assessor.lists.eu.EuFsfImporter;
import org.exposure.assessor.lists.ofac.OfacSdnImporter;
import org.exposure.assessor.lists.opensanctions.FtmImporter;
import org.exposure.assessor.lists.uk.UkSanctionsListImporter;
import org.exposure.assessor.lists.un.UnConsolidatedImporter;

/**
 * Counts the identifiers of every list snapshot (given by {@code -Dsnapshots.dir}) by the kind the matcher takes
 * them as ({@link Identifiers#listed}): per source, each kind, those dropped for failing their kind's check, and
 * the list types the matcher does not compare. The figures of docs/matching.md, "Identifiers". With
 * {@code -Dcensus.dropped=1} it prints every dropped value.
 */
public final class IdentifierCensus {

    private IdentifierCensus() {
    }

    public static void main(String[] args) throws Exception {
        Path d = Snapshots.dir();
        List<Object[]> sources = new ArrayList<>();
        sources.add(new Object[] {"OFAC-SDN", new OfacSdnImporter().importFrom(Snapshots.require(SharedData.SDN),
                Snapshots.require(SharedData.ALT), Snapshots.require(SharedData.ADD))});
        sources.add(new Object[] {"US-CSL", new CslImporter().importFrom(Snapshots.require("csl/csl_us_consolidated_2025.csv.gz"))});
        sources.add(new Object[] {"UN", new UnConsolidatedImporter().importFrom(Snapshots.require("un/UN_consolidated.xml"))});
        sources.add(new Object[] {"UK (OFSI)", new UkSanctionsListImporter().importFrom(Snapshots.require("uk/ofsi_conlist_2025-04-10.csv.gz"))});
        sources.add(new Object[] {"UK (FCDO sample)", new UkSanctionsListImporter().importFrom(Snapshots.require("uk/fcdo_uk_sanctions_list_sample_2026-08-14.xml"))});
        try (var files = Files.list(d.resolve("eu"))) {
            for (Path f : files.sorted().toList()) {
                sources.add(new Object[] {"EU " + f.getFileName(), new EuFsfImporter().importFrom(f)});
            }
        }
        try (var files = Files.list(d.resolve("ftm"))) {
            for (Path f : files.filter(p -> !p.toString().contains(".delta.")).sorted().toList()) {
                sources.add(new Object[] {"FtM " + f.getFileName(), new FtmImporter().importFrom(f)});
            }
        }
        boolean printDropped = Boolean.getBoolean("census.dropped");
        for (Object[] s : sources) {
            ImportResult r = (ImportResult) s[1];
            Map<String, Integer> kinds = new TreeMap<>();
            Map<String, Integer> dropped = new TreeMap<>();
            Map<String, Integer> unmapped = new TreeMap<>();
            int total = 0;
            for (ListEntry e : r.entries()) {
                for (Identifier i : e.identifiers()) {
                    total++;
                    MatchIdentifier m = Identifiers.listed(i.type(), i.value(), i.country());
                    if (m != null) {
                        kinds.merge(m.kind(), 1, Integer::sum);
                    } else if (Identifiers.listedKind(i.type()) != null
                            || i.value().regionMatches(true, 0, "IMO ", 0, 4)) {
                        // the type names a kind the matcher compares, so the value failed its check
                        dropped.merge(i.type(), 1, Integer::sum);
                        if (printDropped) {
                            System.out.println("  dropped " + s[0] + " " + i.type() + " '" + i.value() + "' " + i.country());
                        }
                    } else {
                        unmapped.merge(i.type(), 1, Integer::sum);
                    }
                }
            }
            System.out.println(s[0] + ": " + r.entries().size() + " entries, " + total + " identifiers; kinds " + kinds
                    + "; dropped " + dropped);
            System.out.println("   not compared (most frequent): " + unmapped.entrySet().stream()
                    .sorted((a, b) -> b.getValue() - a.getValue()).limit(15).toList());
        }
    }
}
