package org.exposure.assessor.lists.ofac;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.config.AssessorConfig.Lists.Download;
import org.exposure.assessor.lists.ImportException;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.InputLimits;
import org.exposure.assessor.lists.ListEntry;
import org.exposure.assessor.lists.ListSource;

/**
 * OFAC's SDN list in its legacy CSV files: sdn.csv with its aliases (alt.csv) and addresses (add.csv), read together.
 * The official URLs are those of OFAC's Sanctions List Service, as its "SDN List - Data Formats &amp; Data Schemas"
 * page and data specification describe the files; the exact addresses are the ones public screening code uses. None
 * was requested from the machine this was built on, which cannot reach them.
 */
public final class OfacSdnSource implements ListSource {
    private static final String EXPORTS = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/";
    private static final List<Part> PARTS = List.of(
            new Part("sdn", true, "sdn.csv", "OFAC sdn.csv (required for OFAC-SDN).", URI.create(EXPORTS + "SDN.CSV"),
                    "url", Download.Source::url),
            new Part("alt", false, "alt.csv", "OFAC alt.csv: aliases (optional).", URI.create(EXPORTS + "ALT.CSV"),
                    "alt-url", Download.Source::altUrl),
            new Part("add", false, "add.csv", "OFAC add.csv: addresses (optional).", URI.create(EXPORTS + "ADD.CSV"),
                    "add-url", Download.Source::addUrl));

    private final OfacSdnImporter importer;

    public OfacSdnSource() {
        this(InputLimits.DEFAULT);
    }

    public OfacSdnSource(InputLimits limits) {
        this.importer = new OfacSdnImporter(limits);
    }

    @Override
    public String id() {
        return ListEntry.OFAC_SDN;
    }

    @Override
    public List<Part> parts() {
        return PARTS;
    }

    @Override
    public ImportResult read(Map<String, InputStream> parts) throws ImportException {
        return importer.importFrom(parts.get("sdn"), parts.get("alt"), parts.get("add"));
    }

    @Override
    public ImportResult read(InputStream sdn) throws ImportException {
        return importer.importFrom(sdn);
    }

    @Override
    public String contentHash(Map<String, String> partHashes) {
        return OfacSdnImporter.contentHash(partHashes.get("sdn"), partHashes.get("alt"), partHashes.get("add"));
    }
}
