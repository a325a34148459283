package org.exposure.assessor.domain;

/**
 * The sector of the Russian economy a party operates in, as far as the law distinguishes them: the five sectors
 * that made up "Russia's military-industrial base" under EO 14114 before OFAC widened it on 12 Jun 2024 to every
 * person blocked under EO 14024 (OFAC FAQs 1151 and 1181), and any other.
 */
public enum Sector {
    TECHNOLOGY, DEFENSE_AND_RELATED_MATERIEL, CONSTRUCTION, AEROSPACE, MANUFACTURING, OTHER;

    /** One of the five sectors of the military-industrial base as defined from 22 Dec 2023 to 11 Jun 2024. */
    public boolean isMilitaryIndustrialBase() {
        return this != OTHER;
    }
}
