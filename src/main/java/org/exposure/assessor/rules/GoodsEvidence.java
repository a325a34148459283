package org.exposure.assessor.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/** The evidence stored with every finding about a goods line: the facts a reviewer needs to see, absent ones left out. */
final class GoodsEvidence {
    private GoodsEvidence() {
    }

    static Map<String, Object> of(GoodsLine g) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("path", g.getPath());
        e.put("hsCode", g.getHsCode());
        if (Hs2022Codes.correlated(g.getHsCode(), g.getHs2022Codes())) {
            e.put("hs2022Codes", g.getHs2022Codes());
        }
        if (g.getChplEntry() != null) {
            e.put("chplTier", g.getChplEntry().tier());
            e.put("chplLabel", g.getChplEntry().label());
        }
        put(e, "dualUseCode", g.getDualUseCode());
        put(e, "originCountry", g.getOriginCountry());
        put(e, "destinationCountry", g.getDestinationCountry());
        if (g.getRestriction() != null) {
            e.put("restrictedDestination", g.getRestrictedReason());
            e.put("restrictionLegalBasis", g.getRestriction().legalBasis());
        }
        put(e, "occupiedOblast", g.getOccupiedOblastReason());
        put(e, "russianFederation", g.getRussiaReason());
        if (g.getCriticalItem() != null) {
            e.put("criticalItem", g.getCriticalItem().code());
            e.put("criticalItemCategory", g.getCriticalItem().category());
        }
        put(e, "exporterCountry", g.getExporterCountry());
        e.put("date", g.getDate().toString());
        e.put("dated", g.isDated());
        if (g.isTransshipmentDestination()) {
            e.put("transshipmentCountry", g.getDestinationCountry());
        }
        if (g.getEndUser() != null) {
            e.put("endUser", party(g.getEndUser().name(), g.getEndUser().country(), g.getEndUser().region(),
                    "sanctioned", g.getEndUser().sanctioned()));
        }
        if (g.getConsignee() != null) {
            e.put("consignee", party(g.getConsignee().name(), g.getConsignee().country(), g.getConsignee().region(),
                    "kind", g.getConsignee().kind() == null ? null : g.getConsignee().kind().name()));
        }
        put(e, "borderCrossing", g.getBorderCrossing());
        if (g.getBorderCrossingMatch() != null) {
            e.put("borderCrossingMatched", g.getBorderCrossingMatch().label());
        }
        put(e, "farEastDefenseRegion", g.getFarEastDefenseRegion());
        put(e, "valueUsd", g.getValueUsd());
        put(e, "endUseStatement", g.getEndUseStatement());
        put(e, "noReexportClause", g.getNoReexportClause());
        return e;
    }

    private static Map<String, Object> party(String name, String country, String region, String key, Object value) {
        Map<String, Object> p = new LinkedHashMap<>();
        put(p, "name", name);
        put(p, "country", country);
        put(p, "region", region);
        put(p, key, value);
        return p;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
