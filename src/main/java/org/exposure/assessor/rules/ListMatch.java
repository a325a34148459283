package org.exposure.assessor.rules;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.domain.Severity;

/**
 * A named party of the subject that matched a list entry: which party (path and role), which entry of which list
 * version, the matched name, the score and how it was made up. Inserted into the session before the rules run.
 *
 * @param path                  where the party is in the subject: "subject", "payments[0].counterparty", ...
 * @param role                  SUBJECT, OWNER, CORRESPONDENT, COUNTERPARTY, CONSIGNEE or END_USER
 * @param queryName             the name as submitted
 * @param source                list source id (OFAC-SDN, US-CSL, UN, EU-FSF, UK-SL, OPENSANCTIONS), or
 *                              {@link #TRANSACTION_BAN} for a row of the ruleset's {@code reference/eu-transaction-bans.csv}
 * @param list                  for the CSL, the list within it (e.g. "Entity List (EL) - Bureau of Industry and
 *                              Security"); for a transaction ban, the act that added the entity
 * @param versionId             the list version matched against; for a transaction ban, the ruleset version
 * @param entryId               the entry's id in its list; for a transaction ban, the reference file's row
 * @param programs              the entry's programmes; for a transaction ban, the provision of Reg. 833/2014
 * @param features              the score's parts, one map per feature
 */
public record ListMatch(String path, String role, String queryName, String source, String list, String versionId,
                        String entryId, String primaryName, String matchedName, double score, List<String> programs,
                        boolean secondarySanctionsRisk, List<Map<String, Object>> features) {

    /**
     * The source of the matches made against the ruleset's own list of entities under an EU transaction ban of
     * Reg. 833/2014 ({@code reference/eu-transaction-bans.csv}), not against a loaded sanctions list.
     */
    public static final String TRANSACTION_BAN = "EU-TRANSACTION-BAN";

    public String getPath() {
        return path;
    }

    public String getRole() {
        return role;
    }

    public String getSource() {
        return source;
    }

    public String getList() {
        return list;
    }

    public String getEntryId() {
        return entryId;
    }

    public double getScore() {
        return score;
    }

    public boolean isSecondarySanctionsRisk() {
        return secondarySanctionsRisk;
    }

    /** An OFAC SDN entry, whether from the SDN file or from the SDN rows of the Consolidated Screening List. */
    public boolean isSdn() {
        return "OFAC-SDN".equals(source) || (list != null && list.startsWith("Specially Designated Nationals"));
    }

    /** A match of an entity under an EU transaction ban (LIST-EU-TRANSACTION-BAN), not of a sanctions list entry. */
    public boolean isTransactionBan() {
        return TRANSACTION_BAN.equals(source);
    }

    public boolean isEntityList() {
        return list != null && list.startsWith("Entity List");
    }

    /**
     * The severity this match gives wherever a listed party is graded (the LIST-* rules for the subject,
     * GOODS-MIB-END-USER for an end user or consignee): an SDN entry blocks (31 CFR 501); the BIS Entity List
     * (15 CFR 744), the UN list, which binds every member state, and an EU transaction ban (Reg. 833/2014, no EU
     * person may deal with the entity at all) are SEVERE; any other list HIGH.
     */
    public Severity getSeverity() {
        if (isSdn()) {
            return Severity.BLOCKED;
        }
        return isEntityList() || "UN".equals(source) || isTransactionBan() ? Severity.SEVERE : Severity.HIGH;
    }

    /** Gravest list first, then best score: the first match in this order grades a party matched several times. */
    public static final Comparator<ListMatch> GRAVEST_FIRST = Comparator.comparing(ListMatch::getSeverity)
            .reversed().thenComparing(Comparator.comparingDouble(ListMatch::score).reversed());

    /**
     * The match that grades a party: the first by {@link #GRAVEST_FIRST}, the earliest of equals. Takes the raw
     * collection a DRL {@code collect} gives; null when it is empty.
     */
    public static ListMatch gravest(Collection<?> matches) {
        ListMatch gravest = null;
        for (Object o : matches) {
            ListMatch m = (ListMatch) o;
            if (gravest == null || GRAVEST_FIRST.compare(m, gravest) < 0) {
                gravest = m;
            }
        }
        return gravest;
    }

    /** Designated under EO 14024 (RUSSIA-EO14024): Russia's military-industrial base since OFAC FAQ 1181. */
    public boolean isRussiaEo14024() {
        return programs.stream().anyMatch(p -> p.contains("RUSSIA-EO14024"));
    }

    /** "OFAC-SDN 12345 (VTB BANK PJSC)" */
    public String getLabel() {
        return source + (list == null || "OFAC-SDN".equals(source) ? "" : " / " + list) + " entry " + entryId
                + " (" + primaryName + ")";
    }

    /** "0.97" */
    public String getScoreText() {
        return String.format(java.util.Locale.ROOT, "%.2f", score);
    }

    public Map<String, Object> evidence() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("path", path);
        e.put("role", role);
        e.put("name", queryName);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("list", source);
        if (list != null) {
            m.put("sublist", list);
        }
        m.put("listVersion", versionId);
        m.put("entryId", entryId);
        m.put("primaryName", primaryName);
        m.put("matchedName", matchedName);
        m.put("score", Math.round(score * 1000) / 1000.0);
        m.put("programs", programs);
        m.put("secondarySanctionsRisk", secondarySanctionsRisk);
        m.put("features", features);
        e.put("match", m);
        return e;
    }
}
