package org.exposure.assessor.lists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a sanctions or screening list, in the same shape whatever the source format.
 *
 * @param source                 list source id: "OFAC-SDN", "US-CSL", "UN", "OPENSANCTIONS", "EU-FSF", "UK-SL"
 * @param id                     the entry's own id in its list (OFAC ent_num, CSL _id, UN DATAID, FtM id, EU
 *                               logicalId, UK Unique ID or, from OFSI's former ConList, Group ID)
 * @param name                   primary name
 * @param aliases                other names
 * @param type                   individual, entity, vessel, aircraft or unknown
 * @param programs               sanctions programs (OFAC/CSL programs, UN list type, FtM program)
 * @param countries              countries named for the entry (nationality, citizenship, address, jurisdiction):
 *                               ISO alpha-2 where derivable, else as written; no duplicates
 * @param identifiers            identifiers (SWIFT/BIC, registration numbers, passports, IMO, ...)
 * @param remarks                free-text remarks / comments / notes
 * @param secondarySanctionsRisk the list marks a secondary sanctions risk (OFAC remark "Secondary sanctions risk:",
 *                               e.g. section 11 of EO 14024 as amended by EO 14114)
 * @param list                   for CSL the list the row comes from (its {@code source} column, e.g.
 *                               "Entity List (EL) - Bureau of Industry and Security"); for the EU list its
 *                               programmes ("programme RUS"), for the UK list its regime (the regulations'
 *                               name), so that a match names the regime; null elsewhere
 * @param datasets               for FtM the datasets the entity is in; empty elsewhere
 * @param evidence               the original record's fields that were read, by their name in the file
 * @param facts                  dates of birth, nationalities and cities the list gives, for the matcher
 */
public record ListEntry(String source, String id, String name, List<Alias> aliases, EntityType type,
                        List<String> programs, List<String> countries, List<Identifier> identifiers,
                        List<String> remarks, boolean secondarySanctionsRisk, String list, List<String> datasets,
                        Map<String, String> evidence, EntryFacts facts) {

    public static final String OFAC_SDN = "OFAC-SDN";
    public static final String US_CSL = "US-CSL";
    public static final String UN = "UN";
    public static final String OPENSANCTIONS = "OPENSANCTIONS";
    public static final String EU_FSF = "EU-FSF";
    public static final String UK_SL = "UK-SL";

    public ListEntry {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        aliases = List.copyOf(aliases);
        programs = List.copyOf(programs);
        countries = List.copyOf(countries);
        identifiers = List.copyOf(identifiers);
        remarks = List.copyOf(remarks);
        datasets = List.copyOf(datasets);
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        facts = facts == null ? EntryFacts.NONE : facts;
    }

    /** An entry whose list gives no date of birth, nationality or city. */
    public ListEntry(String source, String id, String name, List<Alias> aliases, EntityType type,
                     List<String> programs, List<String> countries, List<Identifier> identifiers,
                     List<String> remarks, boolean secondarySanctionsRisk, String list, List<String> datasets,
                     Map<String, String> evidence) {
        this(source, id, name, aliases, type, programs, countries, identifiers, remarks, secondarySanctionsRisk, list,
                datasets, evidence, EntryFacts.NONE);
    }

    /** Primary name followed by every alias name. */
    public List<String> allNames() {
        List<String> names = new ArrayList<>(aliases.size() + 1);
        names.add(name);
        for (Alias a : aliases) {
            names.add(a.name());
        }
        return names;
    }

    /** Identifiers of a type (exact, as the list names it). */
    public List<String> identifierValues(String identifierType) {
        List<String> values = new ArrayList<>();
        for (Identifier i : identifiers) {
            if (i.type().equals(identifierType)) {
                values.add(i.value());
            }
        }
        return values;
    }
}
