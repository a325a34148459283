package org.exposure.assessor.lists.download;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.exposure.assessor.lists.ListEntry;

/**
 * Where each publisher puts its list, as the default download configuration of a source. The file names and formats
 * come from the publishers' own pages (OFAC's list of its SDN data files, the ITA's Consolidated Screening List
 * downloads); the exact addresses are the ones public screening code uses. None was requested from the machine this
 * was built on, which cannot reach them:
 * <ul>
 * <li>OFAC-SDN: the legacy CSV files of the SDN list (sdn.csv with its aliases alt.csv and addresses add.csv), as
 * OFAC's Sanctions List Service publishes them; described in OFAC's "SDN List - Data Formats &amp; Data Schemas"
 * page and its data specification.</li>
 * <li>US-CSL: the Consolidated Screening List as one CSV file, from the International Trade Administration's
 * downloadable files (rebuilt daily).</li>
 * <li>UN: the UN Security Council consolidated list in its XML format.</li>
 * </ul>
 * OpenSanctions has none: its data is licensed for non-commercial use, so it is only downloaded where an operator
 * configures a URL.
 */
public final class OfficialSources {
    private static final Map<String, Map<String, URI>> URLS;

    static {
        Map<String, Map<String, URI>> m = new LinkedHashMap<>();
        Map<String, URI> sdn = new LinkedHashMap<>();
        String ofac = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/";
        sdn.put("sdn", URI.create(ofac + "SDN.CSV"));
        sdn.put("alt", URI.create(ofac + "ALT.CSV"));
        sdn.put("add", URI.create(ofac + "ADD.CSV"));
        m.put(ListEntry.OFAC_SDN, java.util.Collections.unmodifiableMap(sdn));
        m.put(ListEntry.US_CSL, Map.of("file",
                URI.create("https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv")));
        m.put(ListEntry.UN, Map.of("file", URI.create("https://scsanctions.un.org/resources/xml/en/consolidated.xml")));
        URLS = Map.copyOf(m);
    }

    private OfficialSources() {
    }

    /** The publisher's URL of each part of the source (empty when the source has no official download). */
    public static Map<String, URI> urls(String source) {
        return URLS.getOrDefault(source, Map.of());
    }
}
