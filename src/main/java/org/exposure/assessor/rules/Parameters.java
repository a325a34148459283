package org.exposure.assessor.rules;

/** Names of the parameters in rules/reference/parameters.csv. */
public final class Parameters {
    public static final String RUSSIA_SHARE = "ffi.russia-share.threshold";
    public static final String REGIONAL_CHANNEL_COUNTRIES = "ffi.regional-channel.countries";
    public static final String OWN_BLOCKED = "own.blocked.percent";
    public static final String OWN_MINORITY = "own.minority.percent";
    public static final String MATCH_CONFIRMED = "list.match.confirmed-score";
    public static final String NEW_ENTITY_SINCE = "sup.new-entity.since";
    public static final String EU_MEMBER_STATES = "goods.art12g.eu-member-states";
    public static final String ART_12G_PARTNERS = "goods.art12g.partner-countries";
    public static final String ART_12G_CHAPTERS = "goods.art12g.hs-chapters";

    private Parameters() {
    }
}
