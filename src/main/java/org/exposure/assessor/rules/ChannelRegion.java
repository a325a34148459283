package org.exposure.assessor.rules;

/**
 * A Chinese region of the regional-bank channel: the north-east and Xinjiang. Not all of them border Russia
 * (Liaoning borders North Korea), and an explanation must not say they do.
 */
public record ChannelRegion(String name, boolean bordersRussia) {
}
