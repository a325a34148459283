package org.exposure.assessor.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The assessor's own settings (prefix {@code assessor.}); see application.properties for the defaults. */
@ConfigMapping(prefix = "assessor")
public interface AssessorConfig {

    Rules rules();

    Hs hs();

    Batch batch();

    Page page();

    Lists lists();

    Jobs jobs();

    interface Rules {
        /** A directory that replaces the packaged rules/ (DRL files and reference data) at start-up. */
        Optional<Path> dir();
    }

    interface Hs {
        /** The HS 2022 nomenclature CSV (section,hscode,description,parent,level); optional. */
        Optional<Path> nomenclature();
    }

    interface Batch {
        /** Most subjects accepted by POST /api/v1/assessments/batch; more gets 413. */
        @WithDefault("1000")
        int maxSize();
    }

    interface Lists {
        /**
         * A directory imported at start-up: one subdirectory per source id (OFAC-SDN, US-CSL, ...) holding that
         * source's file(s). Identical content makes no new version, so restarting is cheap.
         */
        Optional<Path> dir();
    }

    interface Page {
        /** Largest page size of GET /api/v1/assessments. */
        @WithDefault("200")
        int maxSize();
    }

    /** Asynchronous batch jobs (POST /api/v1/batches). */
    interface Jobs {
        /** Whether this instance works on jobs; an instance that only serves the API may leave them to others. */
        @WithDefault("true")
        boolean enabled();

        /** Worker threads, each assessing one chunk at a time. */
        @WithDefault("2")
        int workers();

        /** Rows per chunk: the unit that is claimed, assessed and committed together. */
        @WithDefault("1000")
        int chunkSize();

        /** Longest accepted row, in characters; a longer JSON line is rejected, a longer CSV record fails the upload. */
        @WithDefault("1000000")
        int maxRowLength();

        /** How long an idle worker waits before looking for work again. */
        @WithDefault("PT0.5S")
        Duration pollInterval();

        /** How often running jobs' progress is logged. */
        @WithDefault("PT5S")
        Duration progressInterval();

        /** An upload that has not advanced for this long is taken for abandoned (its instance died). */
        @WithDefault("PT10M")
        Duration abandonedUpload();
    }
}
