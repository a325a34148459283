package org.exposure.assessor.lists.uk;

import java.io.InputStream;
import java.net.URI;

import org.exposure.assessor.lists.ImportException;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.InputLimits;
import org.exposure.assessor.lists.ListEntry;
import org.exposure.assessor.lists.OneFileSource;

/**
 * The UK Sanctions List of the Foreign, Commonwealth and Development Office, the UK's only list of designations since
 * OFSI's Consolidated List closed on 28 January 2026; as its XML file, or as a ConList CSV of the old list (read for
 * its history and for installations that still hold one). The address is the one the FCDO's export names as its
 * download (see the lists documentation), never requested from here.
 */
public final class UkSanctionsListSource extends OneFileSource {
    private final UkSanctionsListImporter importer;

    public UkSanctionsListSource() {
        this(InputLimits.DEFAULT);
    }

    public UkSanctionsListSource(InputLimits limits) {
        super("The file of a source published as one file",
                URI.create("https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml"));
        this.importer = new UkSanctionsListImporter(limits);
    }

    @Override
    public String id() {
        return ListEntry.UK_SL;
    }

    @Override
    public ImportResult read(InputStream in) throws ImportException {
        return importer.importFrom(in);
    }
}
