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
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.exposure.assessor.config.AssessorConfig;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Imports the lists found in {@code assessor.lists.dir} at start-up: {@code DIR/<source>/<file>}, one file per
 * source (the newest by name when there are several). A source read from several files finds them by name
 * (case ignored): {@code DIR/OFAC-SDN/sdn.csv} with the optional {@code alt.csv} and {@code add.csv} beside it,
 * imported together; without {@code sdn.csv} the newest file there is read as the SDN file alone. A file that does
 * not import is logged and skipped: the version in force for that source stays, and the service starts.
 */
@ApplicationScoped
public class ListDirectoryImport {
    private static final Logger LOG = Logger.getLogger(ListDirectoryImport.class);

    private final AssessorConfig config;
    private final ListImporters importers;
    private final ListStore store;

    ListDirectoryImport(AssessorConfig config, ListImporters importers, ListStore store) {
        this.config = config;
        this.importers = importers;
        this.store = store;
    }

    void onStart(@Observes StartupEvent event) {
        config.lists().dir().ifPresent(this::importAll);
    }

    /** Imports every source directory under {@code dir}; returns how many sources were read successfully. */
    public int importAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.warnf("assessor.lists.dir %s is not a directory; no list imported", dir.toAbsolutePath());
            return 0;
        }
        int ok = 0;
        for (String source : importers.sources()) {
            Path sourceDir = dir.resolve(source);
            if (!Files.isDirectory(sourceDir)) {
                continue;
            }
            Map<String, Path> files = files(source, sourceDir);
            if (files.isEmpty()) {
                continue;
            }
            String names = files.values().stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(" + "));
            Map<String, InputStream> streams = new LinkedHashMap<>();
            try {
                for (Map.Entry<String, Path> f : files.entrySet()) {
                    streams.put(f.getKey(), Files.newInputStream(f.getValue()));
                }
                long start = System.nanoTime();
                ImportResult result = importers.read(source, streams);
                ListStore.Stored stored = store.store(result);
                LOG.infof("List %s from %s: %d entries, %d rows skipped, %s in %d ms", source, names,
                        result.entryCount(), result.problems().size(), stored.held() ? "HELD for confirmation, not in force"
                                : stored.created() ? "new version" : "unchanged",
                        (System.nanoTime() - start) / 1_000_000);
                ok++;
            } catch (ImportException | IOException | RuntimeException e) {
                LOG.errorf("List %s: %s in %s was not imported (%s); the version in force stays", source, names,
                        sourceDir, e.getMessage());
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
        return ok;
    }

    /** The files to import by part name, or empty when there is nothing (or nothing coherent) to import. */
    private Map<String, Path> files(String source, Path sourceDir) {
        List<Path> regular = regularFiles(sourceDir);
        if (regular.isEmpty()) {
            return Map.of();
        }
        List<String> parts = importers.parts(source);
        if (parts.size() > 1) {
            Map<String, Path> named = new LinkedHashMap<>();
            for (String part : parts) {
                for (Path p : regular) {
                    if (p.getFileName().toString().toLowerCase(Locale.ROOT).equals(part + ".csv")) {
                        named.put(part, p);
                    }
                }
            }
            if (named.containsKey(parts.get(0))) {
                return named;
            }
            if (!named.isEmpty()) {
                LOG.errorf("List %s: %s holds %s but no %s.csv; nothing imported, the version in force stays", source,
                        sourceDir, named.values().stream().map(p -> p.getFileName().toString()).toList(), parts.get(0));
                return Map.of();
            }
        }
        return Map.of(parts.get(0), regular.get(regular.size() - 1));
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
