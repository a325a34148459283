package org.exposure.assessor.lists.eu;

import java.io.InputStream;
import java.net.URI;

import org.exposure.assessor.lists.ImportException;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.InputLimits;
import org.exposure.assessor.lists.ListEntry;
import org.exposure.assessor.lists.OneFileSource;

/**
 * The EU Consolidated Financial Sanctions List, as the European Commission's Financial Sanctions Files XML 1.1. The
 * address and its public token are the ones the Commission's own RSS feed of the files gives
 * (https://webgate.ec.europa.eu/fsd/fsf/public/rss); never requested from here.
 */
public final class EuFsfSource extends OneFileSource {
    private final EuFsfImporter importer;

    public EuFsfSource() {
        this(InputLimits.DEFAULT);
    }

    public EuFsfSource(InputLimits limits) {
        super("The file of a source published as one file", URI.create(
                "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw"));
        this.importer = new EuFsfImporter(limits);
    }

    @Override
    public String id() {
        return ListEntry.EU_FSF;
    }

    @Override
    public ImportResult read(InputStream in) throws ImportException {
        return importer.importFrom(in);
    }
}
