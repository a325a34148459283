package org.exposure.assessor.lists;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/** The importer for each list source id, as used by uploads, downloads and the start-up import. */
@ApplicationScoped
public class ListImporters {
    /** The part name of a source read from one file. */
    public static final String SINGLE_PART = "file";

    /** Reads one file of a source; throws when the file is not of the source's format. */
    @FunctionalInterface
    public interface Importer {
        ImportResult read(InputStream in) throws ImportException;
    }

    /** Reads the files of a source together, by part name; an optional part that is absent is not in the map. */
    @FunctionalInterface
    private interface PartsImporter {
        ImportResult read(Map<String, InputStream> parts) throws ImportException;
    }

    /** The content hash of an import from the hashes of its files by part name (an absent optional part: no key). */
    @FunctionalInterface
    private interface PartsHash {
        String combine(Map<String, String> partHashes);
    }

    private record Source(List<String> parts, PartsImporter importer, PartsHash hash) {
    }

    private final Map<String, Importer> bySource = new LinkedHashMap<>();
    private final Map<String, Source> partsBySource = new LinkedHashMap<>();

    public ListImporters() {
        OfacSdnImporter sdn = new OfacSdnImporter();
        bySource.put(ListEntry.OFAC_SDN, sdn::importFrom);
        CslImporter csl = new CslImporter();
        bySource.put(ListEntry.US_CSL, csl::importFrom);
        UnConsolidatedImporter un = new UnConsolidatedImporter();
        bySource.put(ListEntry.UN, un::importFrom);
        FtmImporter ftm = new FtmImporter();
        bySource.put(ListEntry.OPENSANCTIONS, ftm::importFrom);

        // A source read from one file: its content hash is the file's (Inputs.sha256), as in each importer.
        bySource.forEach((source, importer) -> partsBySource.put(source,
                new Source(List.of(SINGLE_PART), parts -> importer.read(parts.get(SINGLE_PART)),
                        hashes -> hashes.get(SINGLE_PART))));
        partsBySource.put(ListEntry.OFAC_SDN, new Source(List.of("sdn", "alt", "add"),
                parts -> sdn.importFrom(parts.get("sdn"), parts.get("alt"), parts.get("add")),
                hashes -> OfacSdnImporter.contentHash(hashes.get("sdn"), hashes.get("alt"), hashes.get("add"))));
    }

    public Optional<Importer> importer(String source) {
        return Optional.ofNullable(bySource.get(source));
    }

    public Set<String> sources() {
        return bySource.keySet();
    }

    /**
     * The files a source is read from, the required one first: {@code sdn}, {@code alt}, {@code add} for OFAC-SDN
     * (sdn.csv, alt.csv, add.csv), {@link #SINGLE_PART} for the sources published as one file. Empty for an
     * unknown source.
     */
    public List<String> parts(String source) {
        Source s = partsBySource.get(source);
        return s == null ? List.of() : s.parts();
    }

    /**
     * Reads the files of a source together. The first part is required, the others optional; an
     * {@link ImportException} of a several-file source names the part at fault.
     *
     * @throws IllegalArgumentException for an unknown source, a missing first part or a part the source has not
     */
    public ImportResult read(String source, Map<String, InputStream> parts) throws ImportException {
        return checked(source, parts).importer().read(parts);
    }

    /** The source read from these parts, or an IllegalArgumentException naming what does not fit. */
    private Source checked(String source, Map<String, InputStream> parts) {
        Source s = partsBySource.get(source);
        if (s == null) {
            throw new IllegalArgumentException("no list source " + source);
        }
        if (!parts.containsKey(s.parts().get(0)) || !s.parts().containsAll(parts.keySet())) {
            throw new IllegalArgumentException(source + " is read from " + s.parts() + " (the first required), not "
                    + parts.keySet());
        }
        return s;
    }

    /**
     * The {@link ImportResult#sha256() content hash} that {@link #read} would give these files, from their bytes
     * alone: the same definition, without parsing. It tells a file that is already stored from a new one for the
     * price of reading it once (a few milliseconds per megabyte) instead of parsing it (seconds for the SDN files).
     * The streams are read to the end and closed.
     *
     * @throws IllegalArgumentException as {@link #read} for parts the source does not have
     */
    public String contentHash(String source, Map<String, InputStream> parts) throws IOException {
        Source s = checked(source, parts);
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Map.Entry<String, InputStream> part : parts.entrySet()) {
            hashes.put(part.getKey(), Inputs.sha256(part.getValue()));
        }
        return s.hash().combine(hashes);
    }
}
