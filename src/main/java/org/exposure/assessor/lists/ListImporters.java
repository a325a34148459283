package org.exposure.assessor.lists;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/** The importer for each list source id, as used by uploads and the start-up import. */
@ApplicationScoped
public class ListImporters {
    /** Reads one file of a source; throws when the file is not of the source's format. */
    @FunctionalInterface
    public interface Importer {
        ImportResult read(InputStream in) throws ImportException;
    }

    private final Map<String, Importer> bySource = new LinkedHashMap<>();

    public ListImporters() {
        OfacSdnImporter sdn = new OfacSdnImporter();
        bySource.put(ListEntry.OFAC_SDN, sdn::importFrom);
        CslImporter csl = new CslImporter();
        bySource.put(ListEntry.US_CSL, csl::importFrom);
        UnConsolidatedImporter un = new UnConsolidatedImporter();
        bySource.put(ListEntry.UN, un::importFrom);
        FtmImporter ftm = new FtmImporter();
        bySource.put(ListEntry.OPENSANCTIONS, ftm::importFrom);
    }

    public Optional<Importer> importer(String source) {
        return Optional.ofNullable(bySource.get(source));
    }

    public Set<String> sources() {
        return bySource.keySet();
    }
}
