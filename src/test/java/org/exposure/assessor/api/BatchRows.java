package org.exposure.assessor.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated subjects as JSON lines: about 60% goods, 30% suppliers (with exports and owners) and 10% banks (with
 * payments and a correspondent), spread over firing and silent cases.
 */
final class BatchRows {
    private static final String[] HS = {"854231", "848210", "610910", "851762", "940360", "903020", "847130"};
    private static final String[] DEST = {"RU", "KZ", "DE", "TR", "BY", "US", "AE", "FR"};

    private BatchRows() {
    }

    static List<String> mixed(int n, Random random) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(10);
            String ref = "row-" + i;
            String hs = HS[random.nextInt(HS.length)];
            String dest = DEST[random.nextInt(DEST.length)];
            if (kind < 6) {
                out.add("{\"type\":\"GOODS\",\"ref\":\"" + ref + "\",\"hsCode\":\"" + hs + "\",\"destinationCountry\":\"" + dest + "\"}");
            } else if (kind < 9) {
                out.add("{\"type\":\"SUPPLIER\",\"ref\":\"" + ref + "\",\"name\":\"Supplier " + i + " Trading Co., Ltd.\",\"country\":\"CN\","
                        + "\"region\":\"Heilongjiang\",\"owners\":[{\"name\":\"Owner " + i + "\",\"sharePercent\":" + (30 + random.nextInt(70)) + "}],"
                        + "\"exports\":[{\"hsCode\":\"" + hs + "\",\"destinationCountry\":\"" + dest + "\"},"
                        + "{\"hsCode\":\"" + HS[random.nextInt(HS.length)] + "\",\"destinationCountry\":\"KZ\"}]}");
            } else {
                out.add("{\"type\":\"BANK\",\"ref\":\"" + ref + "\",\"name\":\"Regional Bank " + i + "\",\"country\":\"CN\","
                        + "\"region\":\"Heilongjiang\",\"russiaPaymentShare\":0." + random.nextInt(10) + ","
                        + "\"correspondents\":[{\"name\":\"Correspondent " + i + "\",\"country\":\"RU\"}],"
                        + "\"payments\":[{\"amountUsd\":" + (1000 + random.nextInt(900000)) + ",\"hsCodes\":[\"" + hs
                        + "\"],\"destinationCountry\":\"" + dest + "\",\"counterparty\":{\"name\":\"Counterparty " + i + "\",\"country\":\"RU\"}}]}");
            }
        }
        return out;
    }
}
