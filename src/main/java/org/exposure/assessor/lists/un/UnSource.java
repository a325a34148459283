package org.exposure.assessor.lists.un;

import java.io.InputStream;
import java.net.URI;

import org.exposure.assessor.lists.ImportException;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.InputLimits;
import org.exposure.assessor.lists.ListEntry;
import org.exposure.assessor.lists.OneFileSource;

/**
 * The UN Security Council consolidated list in its XML format. The official URL was taken from the UN's page and
 * public screening code, never requested from here.
 */
public final class UnSource extends OneFileSource {
    private final UnConsolidatedImporter importer;

    public UnSource() {
        this(InputLimits.DEFAULT);
    }

    public UnSource(InputLimits limits) {
        super("The file of a source published as one file",
                URI.create("https://scsanctions.un.org/resources/xml/en/consolidated.xml"));
        this.importer = new UnConsolidatedImporter(limits);
    }

    @Override
    public String id() {
        return ListEntry.UN;
    }

    @Override
    public ImportResult read(InputStream in) throws ImportException {
        return importer.importFrom(in);
    }
}
