package org.exposure.assessor.testsupport;

import java.math.BigDecimal;

import org.exposure.assessor.domain.Consignee;
import org.exposure.assessor.domain.ConsigneeKind;
import org.exposure.assessor.domain.Export;

/**
 * An export: 8482.10 ball bearings (CHPL tier 3B), USD 48,000, to a German end user, with an end-use statement
 * and a no-re-export clause, unless changed.
 */
public final class ExportBuilder {
    private String hs = "848210";
    private String destination = "DE";
    private String destinationRegion = null;
    private Consignee consignee = new Consignee("Stuttgart Lagertechnik GmbH", "DE", "Baden-Württemberg", ConsigneeKind.END_USER, false);
    private String borderCrossing = null;
    private Boolean endUseStatement = true;
    private Boolean noReexportClause = true;

    private ExportBuilder() {
    }

    public static ExportBuilder export() {
        return new ExportBuilder();
    }

    /** A non-CHPL export: 9403.60 wooden furniture. */
    public static ExportBuilder furniture() {
        return new ExportBuilder().hs("940360");
    }

    public ExportBuilder hs(String v) { hs = v; return this; }
    public ExportBuilder to(String country) { destination = country; return this; }
    public ExportBuilder to(String country, String region) { destination = country; destinationRegion = region; return this; }
    public ExportBuilder consignee(String name, String country, String region, ConsigneeKind kind) {
        consignee = new Consignee(name, country, region, kind, false);
        return this;
    }
    public ExportBuilder noConsignee() { consignee = null; return this; }
    public ExportBuilder via(String crossing) { borderCrossing = crossing; return this; }
    public ExportBuilder endUseStatement(Boolean v) { endUseStatement = v; return this; }
    public ExportBuilder clause(Boolean v) { noReexportClause = v; return this; }

    public Export build() {
        return new Export(hs, null, destination, destinationRegion, consignee, borderCrossing,
                new BigDecimal("48000.00"), endUseStatement, noReexportClause);
    }
}
