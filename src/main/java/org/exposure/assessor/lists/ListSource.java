package org.exposure.assessor.lists;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.exposure.assessor.config.AssessorConfig.Lists.Download;

/**
 * One publisher's list as the service takes it in: its id, the files it is published as, where the publisher puts
 * them and how to read them into entries. Uploads, downloads and the start-up directory import all go through this,
 * so a new list is one implementation in a package of its own, added to {@link ListSources}.
 */
public interface ListSource {
    /**
     * One file of a source.
     *
     * @param name        the part's name in a multipart upload and in problems ({@code sdn}, {@code file})
     * @param required    whether the source cannot be read without it; exactly the first part of a source is
     * @param fileName    the file's name in a source directory of {@code assessor.lists.dir} (case ignored); null for
     *                    a source of one file, which takes the newest file there whatever its name
     * @param description what the file holds, for the OpenAPI document
     * @param officialUrl where the publisher puts it; null when the source is only downloaded from a configured URL
     * @param urlMember   the member of {@code assessor.lists.download."<source>"} that sets another URL for it
     * @param configured  reads that member
     */
    record Part(String name, boolean required, String fileName, String description, URI officialUrl, String urlMember,
                Function<Download.Source, Optional<URI>> configured) {
    }

    /** The source id, as in {@link ListEntry#source()} and the API paths. */
    String id();

    /** The files of the source, the required one first. */
    List<Part> parts();

    /**
     * Reads the files of the source together, by part name; an optional part that is absent is not in the map. An
     * {@link ImportException} of a source of several files names the part at fault.
     */
    ImportResult read(Map<String, InputStream> parts) throws ImportException;

    /** Reads the required file alone (a plain, not multipart, upload). */
    default ImportResult read(InputStream requiredPart) throws ImportException {
        return read(Map.of(parts().get(0).name(), requiredPart));
    }

    /**
     * The {@link ImportResult#sha256() content hash} that {@link #read(Map)} gives, from the SHA-256 of each file by
     * part name (an absent optional part: no key), so stored content is recognised without parsing it.
     */
    String contentHash(Map<String, String> partHashes);

    /** The part of that name, if the source has one. */
    default Optional<Part> part(String name) {
        return parts().stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
