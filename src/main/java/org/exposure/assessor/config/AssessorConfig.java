package org.exposure.assessor.config;

import java.nio.file.Path;
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

    interface Page {
        /** Largest page size of GET /api/v1/assessments. */
        @WithDefault("200")
        int maxSize();
    }
}
