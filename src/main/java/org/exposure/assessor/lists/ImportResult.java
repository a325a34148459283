package org.exposure.assessor.lists;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one import produced.
 *
 * @param source          list source id ("OFAC-SDN", "US-CSL", "UN", "EU-FSF", "UK-SL", "OPENSANCTIONS")
 * @param entries         the entries, in file order
 * @param problems        malformed rows that were skipped
 * @param published       publication time the file carries (UN: {@code dateGenerated}), else null
 * @param sha256          lower-case hex SHA-256 of the input bytes (for several files: see the importer)
 * @param counts          named counts (rows read, entries, aliases, rows skipped and why, ...), in a stable order
 * @param removedIds      ids the file says to remove (FtM delta {@code DEL}); empty for full lists
 */
public record ImportResult(String source, List<ListEntry> entries, List<RowProblem> problems, Instant published,
                           String sha256, Map<String, Long> counts, List<String> removedIds) {
    public ImportResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sha256, "sha256");
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        removedIds = List.copyOf(removedIds);
    }

    public int entryCount() {
        return entries.size();
    }

    /** A named count, 0 if absent. */
    public long count(String name) {
        return counts.getOrDefault(name, 0L);
    }

    /** The entry with this id in its list, or null. */
    public ListEntry entry(String id) {
        for (ListEntry e : entries) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        return null;
    }
}
