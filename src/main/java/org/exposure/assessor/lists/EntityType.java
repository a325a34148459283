package org.exposure.assessor.lists;

/** Kind of party a list entry names, as far as the list says. */
public enum EntityType {
    INDIVIDUAL, ENTITY, VESSEL, AIRCRAFT, UNKNOWN
}
