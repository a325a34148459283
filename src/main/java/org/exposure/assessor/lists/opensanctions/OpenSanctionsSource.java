package org.exposure.assessor.lists.opensanctions;

import java.io.InputStream;

import org.exposure.assessor.lists.ImportException;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.InputLimits;
import org.exposure.assessor.lists.ListEntry;
import org.exposure.assessor.lists.OneFileSource;

/**
 * OpenSanctions data as FollowTheMoney entities (a full file or a delta). It has no official URL: the data is
 * licensed for non-commercial use, so it is only downloaded where an operator configures a URL.
 */
public final class OpenSanctionsSource extends OneFileSource {
    private final FtmImporter importer;

    public OpenSanctionsSource() {
        this(InputLimits.DEFAULT);
    }

    public OpenSanctionsSource(InputLimits limits) {
        super("The file of a source published as one file", null);
        this.importer = new FtmImporter(limits);
    }

    @Override
    public String id() {
        return ListEntry.OPENSANCTIONS;
    }

    @Override
    public ImportResult read(InputStream in) throws ImportException {
        return importer.importFrom(in);
    }
}
