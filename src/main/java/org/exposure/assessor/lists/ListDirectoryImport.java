package org.exposure.assessor.lists;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.exposure.assessor.audit.AuditTrail;
import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Imports the lists found in {@code assessor.lists.dir} at start-up ({@link #importConfigured}):
 * {@code DIR/<source>/<file>}, one file per source (the newest by name when there are several). A source read from
 * several files finds them by {@link ListSource.Part#fileName() name} (case ignored): {@code DIR/OFAC-SDN/sdn.csv}
 * with the optional {@code alt.csv} and {@code add.csv} beside it, imported together; without {@code sdn.csv} the
 * newest file there is read as the SDN file alone. A file that does not import is logged and skipped: the version in
 * force for that source stays, and the service starts.
 */
@ApplicationScoped
public class ListDirectoryImport {
    private static final Logger LOG = Logger.getLogger(ListDirectoryImport.class);

    private final AssessorConfig config;
    private final ListSources sources;
    private final ListStore store;

    ListDirectoryImport(AssessorConfig config, ListSources sources, ListStore store) {
        this.config = config;
        this.sources = sources;
        this.store = store;
    }

    /** Imports {@code assessor.lists.dir}, if it is set: a step of the start-up, before the index is first built. */
    public void importConfigured() {
        config.lists().dir().ifPresent(this::importAll);
    }

    /** Imports every source directory under {@code dir}; returns how many sources were read successfully. */
    public int importAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.warnf("assessor.lists.dir %s is not a directory; no list imported", dir.toAbsolutePath());
            return 0;
        }
        int ok = 0;
        for (String source : sources.sources()) {
            Path sourceDir = dir.resolve(source);
            if (!Files.isDirectory(sourceDir)) {
                continue;
            }
            Map<String, Path> files = files(source, sourceDir);
            if (files.isEmpty()) {
                continue;
            }
            if (importSource(source, sourceDir, files)) {
                ok++;
            }
        }
        return ok;
    }

    /**
     * Imports one source's files, or passes over them when their content hash is that of a version already stored.
     * The hash is taken from the bytes exactly as the importer takes it ({@link ListSources#contentHash}), so an
     * unchanged file is recognised without being parsed: at a restart with the same files this costs reading them
     * once, where parsing them again only to find the same version took 2.8 s for the SDN, CSL and UN snapshots.
     * A file already stored leaves its version as it is (see {@link ListStore#version}): a directory that still
     * holds last month's file does not undo the download that replaced it at every start. New content is parsed
     * and stored as before. Returns whether the source was read successfully.
     */
    private boolean importSource(String source, Path sourceDir, Map<String, Path> files) {
        String names = files.values().stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(" + "));
        long start = System.nanoTime();
        try {
            String hash = withFiles(files, streams -> sources.contentHash(source, streams));
            Optional<ListVersionEntity> known = store.version(source, hash);
            if (known.isPresent()) {
                ListVersionEntity v = known.get();
                LOG.infof("List %s from %s: already stored as version %s (%d entries; %s), not parsed again, in %d ms",
                        source, names, v.id, v.entryCount, switch (v.status()) {
                            case "IN_FORCE" -> "in force";
                            case "HELD" -> "held for confirmation";
                            default -> "replaced since by a newer import, which stays in force";
                        }, (System.nanoTime() - start) / 1_000_000);
                return true;
            }
            ImportResult result = withFiles(files, streams -> sources.read(source, streams));
            ListStore.Stored stored = store.store(result, AuditTrail.SYSTEM, ListStore.DIRECTORY);
            LOG.infof("List %s from %s: %d entries, %d rows skipped, %s in %d ms", source, names,
                    result.entryCount(), result.problems().size(), outcome(stored), (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (ImportException | IOException | RuntimeException e) {
            LOG.errorf("List %s: %s in %s was not imported (%s); the version in force stays", source, names,
                    sourceDir, e.getMessage());
            return false;
        }
    }

    private static String outcome(ListStore.Stored stored) {
        return stored.held() ? "HELD for confirmation, not in force" : stored.created() ? "new version" : "unchanged";
    }

    @FunctionalInterface
    private interface FilesReader<T> {
        T read(Map<String, InputStream> streams) throws ImportException, IOException;
    }

    /** Opens the files by part name for {@code reader} and closes them afterwards, whatever happened. */
    private static <T> T withFiles(Map<String, Path> files, FilesReader<T> reader) throws ImportException, IOException {
        Map<String, InputStream> streams = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Path> f : files.entrySet()) {
                streams.put(f.getKey(), Files.newInputStream(f.getValue()));
            }
            return reader.read(streams);
        } finally {
            for (InputStream in : streams.values()) {
                try {
                    in.close();
                } catch (IOException e) {
                    LOG.debugf("closing a list file: %s", e.getMessage());
                }
            }
        }
    }

    /** The files to import by part name, or empty when there is nothing (or nothing coherent) to import. */
    private Map<String, Path> files(String source, Path sourceDir) {
        List<Path> regular = regularFiles(sourceDir);
        if (regular.isEmpty()) {
            return Map.of();
        }
        List<ListSource.Part> parts = sources.find(source).orElseThrow().parts();
        String first = parts.get(0).name();
        if (parts.size() > 1) {
            Map<String, Path> named = new LinkedHashMap<>();
            for (ListSource.Part part : parts) {
                for (Path p : regular) {
                    if (p.getFileName().toString().toLowerCase(Locale.ROOT).equals(part.fileName())) {
                        named.put(part.name(), p);
                    }
                }
            }
            if (named.containsKey(first)) {
                return named;
            }
            if (!named.isEmpty()) {
                LOG.errorf("List %s: %s holds %s but no %s; nothing imported, the version in force stays", source,
                        sourceDir, named.values().stream().map(p -> p.getFileName().toString()).toList(),
                        parts.get(0).fileName());
                return Map.of();
            }
        }
        return Map.of(first, regular.get(regular.size() - 1));
    }

    private static List<Path> regularFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.filter(Files::isRegularFile).sorted().toList());
        } catch (IOException e) {
            LOG.errorf("cannot list %s: %s", dir, e.getMessage());
            return List.of();
        }
    }
}
