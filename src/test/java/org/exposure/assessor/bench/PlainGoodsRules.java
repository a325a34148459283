package org.exposure.assessor.bench;

import java.util.ArrayList;
import java.util.List;

import org.exposure.assessor.domain.GoodsSubject;
import org.exposure.assessor.domain.Severity;
import org.exposure.assessor.rules.GoodsLine;
import org.exposure.assessor.rules.LawDates;
import org.exposure.assessor.rules.ListMatch;
import org.exposure.assessor.rules.ReferenceData;

/**
 * The 11 GOODS rules of {@code rules/goods/goods.drl} written as plain Java, to measure what the rules engine costs
 * ({@link EngineJmh}); {@code PlainGoodsRulesTest} proves that both fire the same rules. Not a second
 * implementation of the service: the DRL stays the source of truth, and this class follows it.
 *
 * <p>It reasons over the same {@link GoodsLine} the DRL does, built with the same {@link ReferenceData}, so the
 * reference lookups (CHPL tier, restricted destination or region, transshipment country, end user in the
 * destination) are the engine's own. It returns only what fired and at which severity, in the order the rules are
 * written in goods.drl; no explanation and no evidence.
 */
public final class PlainGoodsRules {
    public static final String CHPL_T1 = "GOODS-CHPL-T1";
    public static final String CHPL_T2 = "GOODS-CHPL-T2";
    public static final String CHPL_T3 = "GOODS-CHPL-T3";
    public static final String CHPL_T4 = "GOODS-CHPL-T4";
    public static final String RESTRICTED_DEST = "GOODS-RESTRICTED-DEST";
    public static final String TRANSSHIPMENT = "GOODS-TRANSSHIPMENT";
    public static final String EO14114_ITEM = "GOODS-EO14114-ITEM";
    public static final String NO_REEXPORT_CLAUSE = "GOODS-NO-REEXPORT-CLAUSE";
    public static final String RU_URANIUM = "GOODS-RU-URANIUM";
    public static final String DUAL_USE = "GOODS-DUAL-USE";
    public static final String MIB_END_USER = "GOODS-MIB-END-USER";

    /** Every id, in the order of goods.drl (and of {@link #evaluate} results). */
    public static final List<String> IDS = List.of(CHPL_T1, CHPL_T2, CHPL_T3, CHPL_T4, RESTRICTED_DEST, TRANSSHIPMENT,
            EO14114_ITEM, NO_REEXPORT_CLAUSE, RU_URANIUM, DUAL_USE, MIB_END_USER);

    private static final String[] TIER_IDS = {null, CHPL_T1, CHPL_T2, CHPL_T3, CHPL_T4};

    /** One rule that fired, at the severity it fired at. */
    public record Fired(String ruleId, Severity severity) {
    }

    private final ReferenceData reference;

    /** With the reference data of a loaded engine ({@code RuleEngine.reference()}), so both read the same lists. */
    public PlainGoodsRules(ReferenceData reference) {
        this.reference = reference;
    }

    /** The day undated goods are judged on, as the engine's evaluate(subject) does. */
    public static java.time.LocalDate today() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    }

    public List<Fired> evaluate(GoodsSubject goods) {
        return evaluate(GoodsLine.of(goods, today(), reference), List.of());
    }

    /** As the engine's evaluate(subject, matches): the matches of the subject's parties against the lists. */
    public List<Fired> evaluate(GoodsSubject goods, List<ListMatch> matches) {
        return evaluate(GoodsLine.of(goods, today(), reference), matches);
    }

    /**
     * The GOODS rules over one goods line: a GOODS subject ({@code GoodsLine.of(goods, ref)}) or one export of a
     * supplier ({@code GoodsLine.of(export, i, country, ref)}).
     */
    public List<Fired> evaluate(GoodsLine g, List<ListMatch> matches) {
        List<Fired> out = new ArrayList<>(4);
        boolean restricted = g.isRestrictedDestination();
        boolean transshipment = g.isTransshipmentDestination();
        boolean chpl = g.isChpl();

        // GOODS-CHPL-T1 .. T4: chplTierNumber == n. Tiers 1 and 2 go HIGH to SEVERE, tiers 3 and 4 MEDIUM to HIGH,
        // when the destination is restricted (end user's country or region included) or a transshipment country.
        int tier = g.getChplTierNumber();
        if (tier >= 1 && tier <= 4) {
            boolean escalated = restricted || transshipment;
            Severity severity = tier <= 2
                    ? (escalated ? Severity.SEVERE : Severity.HIGH)
                    : (escalated ? Severity.HIGH : Severity.MEDIUM);
            out.add(new Fired(TIER_IDS[tier], severity));
        }
        // GOODS-RESTRICTED-DEST: restrictedDestination, SEVERE for CHPL codes; or an oblast only partly occupied
        // named alone, HIGH.
        if (restricted) {
            out.add(new Fired(RESTRICTED_DEST, chpl ? Severity.SEVERE : Severity.HIGH));
        } else if (g.getOccupiedOblast() != null) {
            out.add(new Fired(RESTRICTED_DEST, Severity.HIGH));
        }
        // GOODS-TRANSSHIPMENT: chpl, transshipmentDestination, !endUserInDestination (an end user with no name
        // counts as unknown, so it is never "in the destination").
        if (chpl && transshipment && !g.isEndUserInDestination()) {
            out.add(new Fired(TRANSSHIPMENT, Severity.HIGH));
        }
        // GOODS-EO14114-ITEM: on the §11(a)(ii) item list, going to the Russian Federation, dated on or after the
        // determination.
        if (g.getCriticalItem() != null && g.isToRussia() && g.inForce(LawDates.ITEM_DETERMINATION)) {
            out.add(new Fired(EO14114_ITEM, Severity.SEVERE));
        }
        // GOODS-NO-REEXPORT-CLAUSE: EU exporter, Art. 12g goods, not to the EU or an Annex VIII partner,
        // noReexportClause == false (an absent clause, null, does not fire), dated on or after 20 Mar 2024.
        if (g.isEuExporter() && g.isArt12gGoods() && !g.isArt12gPartnerDestination()
                && Boolean.FALSE.equals(g.getNoReexportClause()) && g.inForce(LawDates.ART_12G)) {
            out.add(new Fired(NO_REEXPORT_CLAUSE, Severity.MEDIUM));
        }
        // GOODS-RU-URANIUM: hsCode == "284420", originCountry == "RU".
        if ("284420".equals(g.getHsCode()) && "RU".equals(g.getOriginCountry())) {
            out.add(new Fired(RU_URANIUM, Severity.MEDIUM));
        }
        // GOODS-DUAL-USE: dualUseCode != null; SEVERE when restricted, or to a transshipment country with no known
        // end user (here an end user elsewhere does not escalate, unlike GOODS-TRANSSHIPMENT).
        if (g.getDualUseCode() != null) {
            boolean escalated = restricted || (transshipment && !g.isEndUserKnown());
            out.add(new Fired(DUAL_USE, escalated ? Severity.SEVERE : Severity.HIGH));
        }
        // GOODS-MIB-END-USER: a party marked sanctioned by the submitter (the end user, or an intermediary
        // consignee of an export) is BLOCKED; otherwise any list match of the line's party (endUser /
        // exports[i].consignee), graded as the LIST rules grade its list: SDN BLOCKED, Entity List and UN
        // SEVERE, others HIGH.
        Severity listed = g.getSanctionedParty() != null ? Severity.BLOCKED : listedParty(g.getPartyPath(), matches);
        if (listed != null) {
            out.add(new Fired(MIB_END_USER, listed));
        }
        return out;
    }

    private static Severity listedParty(String partyPath, List<ListMatch> matches) {
        Severity worst = null;
        for (ListMatch m : matches) {
            if (partyPath.equals(m.path())) {
                Severity s = m.isSdn() ? Severity.BLOCKED
                        : m.isEntityList() || "UN".equals(m.getSource()) ? Severity.SEVERE : Severity.HIGH;
                if (worst == null || s.compareTo(worst) > 0) {
                    worst = s;
                }
            }
        }
        return worst;
    }
}
