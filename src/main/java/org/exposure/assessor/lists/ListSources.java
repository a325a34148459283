package org.exposure.assessor.lists;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.lists.csl.CslSource;
import org.exposure.assessor.lists.eu.EuFsfSource;
import org.exposure.assessor.lists.ofac.OfacSdnSource;
import org.exposure.assessor.lists.opensanctions.OpenSanctionsSource;
import org.exposure.assessor.lists.uk.UkSanctionsListSource;
import org.exposure.assessor.lists.un.UnSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Every list source the service knows, in the order they are listed and imported. Uploads, downloads, the start-up
 * import and the OpenAPI document of the multipart upload all read the sources from here; a plain class as well as a
 * bean, so that what runs without the container (the OpenAPI filter, unit tests) sees the same sources.
 */
@ApplicationScoped
public class ListSources {
    // Only what the sources are (ids, parts, URLs), for the static look-ups; reading goes through an instance's own.
    private static final List<ListSource> ALL = sources(InputLimits.DEFAULT);

    private final List<ListSource> all;
    private final Map<String, ListSource> byId = new LinkedHashMap<>();

    /** The sources reading within the default {@link InputLimits}. */
    public ListSources() {
        this(InputLimits.DEFAULT);
    }

    @Inject
    public ListSources(AssessorConfig config) {
        this(InputLimits.of(config.lists()));
    }

    public ListSources(InputLimits limits) {
        all = sources(limits);
        all.forEach(s -> byId.put(s.id(), s));
    }

    private static List<ListSource> sources(InputLimits limits) {
        return List.of(new OfacSdnSource(limits), new CslSource(limits), new UnSource(limits),
                new EuFsfSource(limits), new UkSanctionsListSource(limits), new OpenSanctionsSource(limits));
    }

    public List<ListSource> all() {
        return all;
    }

    public Optional<ListSource> find(String source) {
        return Optional.ofNullable(byId.get(source));
    }

    /** The source ids. */
    public Set<String> sources() {
        return byId.keySet();
    }

    /** The part names of a source, the required one first; empty for an unknown source. */
    public List<String> parts(String source) {
        ListSource s = byId.get(source);
        return s == null ? List.of() : s.parts().stream().map(ListSource.Part::name).toList();
    }

    /**
     * Reads the files of a source together. The first part is required, the others optional; an
     * {@link ImportException} of a several-file source names the part at fault.
     *
     * @throws IllegalArgumentException for an unknown source, a missing first part or a part the source has not
     */
    public ImportResult read(String source, Map<String, InputStream> parts) throws ImportException {
        return checked(source, parts).read(parts);
    }

    /** The source read from these parts, or an IllegalArgumentException naming what does not fit. */
    private ListSource checked(String source, Map<String, InputStream> parts) {
        ListSource s = byId.get(source);
        if (s == null) {
            throw new IllegalArgumentException("no list source " + source);
        }
        List<String> names = parts(source);
        if (!parts.containsKey(names.get(0)) || !names.containsAll(parts.keySet())) {
            throw new IllegalArgumentException(source + " is read from " + names + " (the first required), not "
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
        ListSource s = checked(source, parts);
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Map.Entry<String, InputStream> part : parts.entrySet()) {
            hashes.put(part.getKey(), Inputs.sha256(part.getValue()));
        }
        return s.contentHash(hashes);
    }

    /** The configuration key of a part's URL: {@code assessor.lists.download."<source>".<member>}. */
    public static String urlKey(String source, String part) {
        String member = ALL.stream().filter(s -> s.id().equals(source)).findFirst().flatMap(s -> s.part(part))
                .map(ListSource.Part::urlMember).orElse("url");
        return "assessor.lists.download.\"" + source + "\"." + member;
    }
}
