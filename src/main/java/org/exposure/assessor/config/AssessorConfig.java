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

    Lists lists();

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

        /** Name matching against the lists in force. */
        Match match();

        interface Match {
            /**
             * Score (0..1) at or above which a name matches a list entry, for the screening of every assessment and
             * for GET /api/v1/screen. The default was chosen from the measurements in the README (section
             * "Name matching"): the middle of the range where the OpenSanctions cases and the Putin spellings
             * are both at least 90% correct.
             */
            @WithDefault("0.86")
            double threshold();
        }
    }

    interface Page {
        /** Largest page size of GET /api/v1/assessments. */
        @WithDefault("200")
        int maxSize();
    }
}
