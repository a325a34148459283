package org.exposure.assessor.lists;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.config.AssessorConfig.Lists.Download;

/** A source published as one file: one required part named {@link #PART}, whose hash is the content hash. */
public abstract class OneFileSource implements ListSource {
    /** The part name of a source read from one file. */
    public static final String PART = "file";

    private final List<Part> parts;

    /** @param officialUrl the publisher's URL of the file, or null when it is only downloaded from a configured URL */
    protected OneFileSource(String description, URI officialUrl) {
        this.parts = List.of(new Part(PART, true, null, description, officialUrl, "url", Download.Source::url));
    }

    @Override
    public final List<Part> parts() {
        return parts;
    }

    @Override
    public final ImportResult read(Map<String, InputStream> parts) throws ImportException {
        return read(parts.get(PART));
    }

    @Override
    public abstract ImportResult read(InputStream in) throws ImportException;

    // Each importer hashes its file's bytes as they are (Inputs.sha256).
    @Override
    public final String contentHash(Map<String, String> partHashes) {
        return partHashes.get(PART);
    }
}
