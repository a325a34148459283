package org.exposure.assessor.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.domain.Consignee;
import org.exposure.assessor.domain.Export;
import org.exposure.assessor.domain.GoodsSubject;
import org.exposure.assessor.domain.Party;

/**
 * The fact the GOODS rules reason over: one movement of goods of one HS code, either a GOODS subject itself or one
 * export of a supplier. The lookups into the reference data (CHPL tier, restricted or transshipment destination)
 * are made here once, so that the rules read as the catalogue does.
 */
public final class GoodsLine {
    private final String path;
    private final String hsCode;
    private final ChplEntry chpl;
    /** What the rules test for hsCode: itself, or its HS 2022 successors when it is an HS 2017 code HS 2022 lacks. */
    private final List<String> hs2022Codes;
    private final String dualUseCode;
    private final String originCountry;
    private final String destinationCountry;
    private final String destinationRegion;
    private final Party endUser;
    private final Boolean noReexportClause;
    private final Consignee consignee;
    private final String borderCrossing;
    private final BigDecimal valueUsd;
    private final Boolean endUseStatement;
    /** A definite restriction (country, Crimea, occupied city) and why, or else an oblast only partly occupied. */
    private final GoodsRoute.Found restricted;
    private final GoodsRoute.Found oblast;
    private final String russiaReason;
    private final CriticalItem criticalItem;
    private final String exporterCountry;
    private final LocalDate date;
    private final boolean dated;
    private final GoodsRoute.Art12g art12g;
    private final LawDates law;
    private final boolean transshipmentDestination;
    private final String destinationLabel;
    private final BorderCrossing crossing;
    private final String farEastRegion;
    private final boolean farEastByConsignee;

    private GoodsLine(String path, String hsCode, String dualUseCode, String originCountry, String destinationCountry,
                      String destinationRegion, Party endUser, Boolean noReexportClause, Consignee consignee,
                      String borderCrossing, BigDecimal valueUsd, Boolean endUseStatement, String exporterCountry,
                      LocalDate date, LocalDate assessedOn, ReferenceData ref) {
        this.path = path;
        this.hsCode = hsCode;
        this.hs2022Codes = ref.hs2022Codes(hsCode);
        this.chpl = Hs2022Codes.chpl(hs2022Codes, ref);
        this.dualUseCode = dualUseCode;
        this.originCountry = originCountry;
        this.destinationCountry = destinationCountry;
        this.destinationRegion = destinationRegion;
        this.endUser = endUser;
        this.noReexportClause = noReexportClause;
        this.consignee = consignee;
        this.borderCrossing = borderCrossing;
        this.valueUsd = valueUsd;
        this.endUseStatement = endUseStatement;
        this.restricted = GoodsRoute.restriction(destinationCountry, destinationRegion, endUser, ref, true);
        this.oblast = restricted != null ? null : GoodsRoute.restriction(destinationCountry, destinationRegion, endUser, ref, false);
        this.russiaReason = GoodsRoute.russia(destinationCountry, endUser, consignee, ref);
        this.criticalItem = Hs2022Codes.criticalItem(hs2022Codes, ref);
        this.exporterCountry = exporterCountry;
        this.dated = date != null;
        this.date = date != null ? date : assessedOn;
        this.art12g = GoodsRoute.art12g(exporterCountry, chpl != null, hsCode, destinationCountry, ref);
        this.law = ref.lawDates();
        this.transshipmentDestination = ref.isTransshipmentCountry(destinationCountry);
        this.destinationLabel = destinationCountry == null ? "an undeclared destination" : ref.countryLabel(destinationCountry);
        this.crossing = ref.borderCrossing(borderCrossing).orElse(null);
        this.farEastRegion = GoodsRoute.farEast(consignee, destinationCountry, destinationRegion, ref);
        this.farEastByConsignee = farEastRegion != null && consignee != null
                && (consignee.country() == null || "RU".equals(consignee.country()))
                && ref.farEastDefenseRegion(consignee.region()).isPresent();
    }

    /** The goods of a GOODS subject; {@code assessedOn} dates it when it has no date of its own. */
    public static GoodsLine of(GoodsSubject goods, LocalDate assessedOn, ReferenceData ref) {
        return new GoodsLine("subject", goods.hsCode(), goods.dualUseCode(), goods.originCountry(),
                goods.destinationCountry(), goods.destinationRegion(), goods.endUser(), goods.noReexportClause(),
                null, null, null, null, goods.country(), goods.date(), assessedOn, ref);
    }

    /**
     * An export seen as goods. The consignee stands for the end user unless it is an intermediary (forwarder,
     * trading or logistics company): then the end user is unknown, which is exactly the red flag.
     */
    public static GoodsLine of(Export export, int index, String supplierCountry, LocalDate assessedOn, ReferenceData ref) {
        Consignee c = export.consignee();
        Party endUser = c == null || (c.kind() != null && c.kind().isIntermediary())
                ? null
                : new Party(c.name(), c.country(), c.region(), c.sanctioned());
        return new GoodsLine("exports[" + index + "]", export.hsCode(), export.dualUseCode(), supplierCountry,
                export.destinationCountry(), export.destinationRegion(), endUser, export.noReexportClause(), c,
                export.borderCrossing(), export.valueUsd(), export.endUseStatement(), supplierCountry, export.date(),
                assessedOn, ref);
    }

    /** Where in the subject this line comes from: "subject" or "exports[i]". */
    public String getPath() {
        return path;
    }

    public String getHsCode() {
        return hsCode;
    }

    /** The HS code as people write it, e.g. 8542.31. */
    public String getHsCodeDotted() {
        return hsCode.substring(0, 4) + "." + hsCode.substring(4);
    }

    /** The HS 2022 codes the rules tested: the code itself, or the successors of an HS 2017 code HS 2022 lacks. */
    public List<String> getHs2022Codes() {
        return hs2022Codes;
    }

    /** "HS 8542.31", or "HS 2017 8548.90, 8548.00 in HS 2022" for an HS 2017 code that HS 2022 renumbered. */
    public String getHsCodeText() {
        return Hs2022Codes.text(hsCode, hs2022Codes, chpl);
    }

    public boolean isChpl() {
        return chpl != null;
    }

    /**
     * The CHPL entry of the code, or null. Not named getChpl(): with isChpl() beside it, the DRL property "chpl"
     * would resolve to whichever of the two reflection lists first, an order the JVM does not guarantee (it
     * changed between two builds of this project and broke every rule using "chpl").
     */
    public ChplEntry getChplEntry() {
        return chpl;
    }

    /** 1 to 4 for CHPL codes, 0 otherwise. */
    public int getChplTierNumber() {
        return chpl == null ? 0 : chpl.tierNumber();
    }

    public String getChplTier() {
        return chpl == null ? null : chpl.tier();
    }

    public String getDualUseCode() {
        return dualUseCode;
    }

    public String getOriginCountry() {
        return originCountry;
    }

    public String getDestinationCountry() {
        return destinationCountry;
    }

    /** The destination region as submitted (free text), or null. */
    public String getDestinationRegion() {
        return destinationRegion;
    }

    /** "Kazakhstan (KZ)", or "an undeclared destination". */
    public String getDestinationLabel() {
        return destinationLabel;
    }

    public Party getEndUser() {
        return endUser;
    }

    public boolean isEndUserKnown() {
        return endUser != null && endUser.hasName();
    }

    public boolean isEndUserInDestination() {
        return isEndUserKnown() && destinationCountry != null && destinationCountry.equals(endUser.country());
    }

    public boolean isEndUserSanctioned() {
        return endUser != null && Boolean.TRUE.equals(endUser.sanctioned());
    }

    /**
     * A party of this movement that the submitter marked as blocked, in words: the end user, or an intermediary
     * consignee (which never stands for the end user, but is as much a party to the deal). Null when there is none.
     */
    public String getSanctionedParty() {
        if (isEndUserSanctioned()) {
            return "the end user " + named(endUser.name());
        }
        if (consignee != null && Boolean.TRUE.equals(consignee.sanctioned())) {
            String kind = consignee.kind() == null ? "" : " (" + consignee.kind().name().toLowerCase().replace('_', ' ') + ")";
            return "the consignee " + named(consignee.name()) + kind;
        }
        return null;
    }

    static String named(String name) {
        return name == null ? "(unnamed)" : name;
    }

    public Boolean getNoReexportClause() {
        return noReexportClause;
    }

    public Consignee getConsignee() {
        return consignee;
    }

    public String getBorderCrossing() {
        return borderCrossing;
    }

    public BigDecimal getValueUsd() {
        return valueUsd;
    }

    public Boolean getEndUseStatement() {
        return endUseStatement;
    }

    /** Where the end user or consignee of this line is in the subject, as the screening of parties names it. */
    public String getPartyPath() {
        return "subject".equals(path) ? "endUser" : path + ".consignee";
    }

    /** The first two digits: the HS chapter. */
    public String getHsChapter() {
        return hsCode.substring(0, 2);
    }

    /** The reference border crossing the submitted borderCrossing names, or null. */
    public BorderCrossing getBorderCrossingMatch() {
        return crossing;
    }

    /** The Russian Far East defence-industry region the goods go to (consignee or destination region), or null. */
    public String getFarEastDefenseRegion() {
        return farEastRegion;
    }

    /**
     * True when {@link #getFarEastDefenseRegion()} comes from the consignee's own region, false when it comes from
     * the destination region (or there is none).
     */
    public boolean isFarEastDefenseRegionOfConsignee() {
        return farEastByConsignee;
    }

    public boolean isConsigneeIntermediary() {
        return consignee != null && consignee.kind() != null && consignee.kind().isIntermediary();
    }

    public boolean isRestrictedDestination() {
        return restricted != null;
    }

    /** Why the destination is restricted, in words ("destination Russia (RU)", "end user in Crimea (UA)"); null if it is not. */
    public String getRestrictedReason() {
        return restricted == null ? null : restricted.reason();
    }

    /** The definite restriction of the destination, with its law; null if there is none. */
    public Restriction getRestriction() {
        return restricted == null ? null : restricted.restriction();
    }

    /** An oblast only partly occupied named as the region, when nothing else restricts; a check, not a verdict. */
    public Restriction getOccupiedOblast() {
        return oblast == null ? null : oblast.restriction();
    }

    /** "destination region Zaporizhzhia Oblast (UA)", with {@link #getOccupiedOblast()}. */
    public String getOccupiedOblastReason() {
        return oblast == null ? null : oblast.reason();
    }

    /** The goods go to the Russian Federation: destination RU, or the end user or consignee there. */
    public boolean isToRussia() {
        return russiaReason != null;
    }

    /** "destination Russia (RU)", "consignee OOO Zavod in Russia (RU)"; null when the goods do not go to Russia. */
    public String getRussiaReason() {
        return russiaReason;
    }

    /** The entry of OFAC's §11(a)(ii) item list this code (or its HS 2022 code) falls under, or null. */
    public CriticalItem getCriticalItem() {
        return criticalItem;
    }

    /** The country the goods are exported from: the GOODS subject's country, or the supplier's. */
    public String getExporterCountry() {
        return exporterCountry;
    }

    /** The shipment's own date, or the assessment's date when it has none (see {@link #isDated()}). */
    public LocalDate getDate() {
        return date;
    }

    public boolean isDated() {
        return dated;
    }

    /** "shipped on 2024-09-12", or "undated, judged at the assessment date 2026-12-02". */
    public String getDateText() {
        return dated ? "dated " + date : "undated, so judged under the law of the assessment date " + date;
    }

    /** Whether the change of the law {@code lawDateId} (rules/reference/law-dates.csv) applies on this line's date. */
    public boolean inForce(String lawDateId) {
        return law.inForce(lawDateId, date);
    }

    public LocalDate lawDate(String lawDateId) {
        return law.of(lawDateId);
    }

    /** Exported from an EU member state: Art. 12g of EU Reg. 833/2014 binds the exporter. */
    public boolean isEuExporter() {
        return art12g.euExporter();
    }

    /** Goods Art. 12g covers: CHPL (Annex XL) items and arms and ammunition (the parameter's HS chapters). */
    public boolean isArt12gGoods() {
        return art12g.goods();
    }

    /** Going to an EU member state or an Annex VIII partner country, to which Art. 12g does not apply. */
    public boolean isArt12gPartnerDestination() {
        return art12g.partnerDestination();
    }

    public boolean isTransshipmentDestination() {
        return transshipmentDestination;
    }

    /** The facts of this line that a reviewer needs to see, as stored with every finding about it. */
    public Map<String, Object> evidence() {
        return GoodsEvidence.of(this);
    }
}
