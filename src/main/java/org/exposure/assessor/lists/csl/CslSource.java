package org.exposure.assessor.lists.csl;

import java.io.InputStream;
import java.net.URI;

import org.exposure.assessor.lists.ImportException;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.InputLimits;
import org.exposure.assessor.lists.ListEntry;
import org.exposure.assessor.lists.OneFileSource;

/**
 * The US Consolidated Screening List as one CSV file (gzip accepted), from the International Trade Administration's
 * downloadable files, rebuilt daily. The official URL was taken from the ITA's page and public screening code, never
 * requested from here.
 */
public final class CslSource extends OneFileSource {
    private final CslImporter importer;

    public CslSource() {
        this(InputLimits.DEFAULT);
    }

    public CslSource(InputLimits limits) {
        super("The file of a source published as one file",
                URI.create("https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"));
        this.importer = new CslImporter(limits);
    }

    @Override
    public String id() {
        return ListEntry.US_CSL;
    }

    @Override
    public ImportResult read(InputStream in) throws ImportException {
        return importer.importFrom(in);
    }
}
