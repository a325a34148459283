package org.exposure.assessor.lists;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.exposure.assessor.config.AssessorConfig;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Imports the lists found in {@code assessor.lists.dir} at start-up: {@code DIR/<source>/<file>}, one file per
 * source (the newest by name when there are several). A file that does not import is logged and skipped: the
 * version in force for that source stays, and the service starts.
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
            Path file = newestFile(sourceDir);
            if (file == null) {
                continue;
            }
            try (InputStream in = Files.newInputStream(file)) {
                long start = System.nanoTime();
                ImportResult result = importers.importer(source).orElseThrow().read(in);
                ListStore.Stored stored = store.store(result);
                LOG.infof("List %s from %s: %d entries, %d rows skipped, %s in %d ms", source, file.getFileName(),
                        result.entryCount(), result.problems().size(), stored.created() ? "new version" : "unchanged",
                        (System.nanoTime() - start) / 1_000_000);
                ok++;
            } catch (ImportException | IOException | RuntimeException e) {
                LOG.errorf("List %s: %s was not imported (%s); the version in force stays", source, file, e.getMessage());
            }
        }
        return ok;
    }

    private static Path newestFile(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> regular = files.filter(Files::isRegularFile).sorted().toList();
            return regular.isEmpty() ? null : regular.get(regular.size() - 1);
        } catch (IOException e) {
            LOG.errorf("cannot list %s: %s", dir, e.getMessage());
            return null;
        }
    }
}
