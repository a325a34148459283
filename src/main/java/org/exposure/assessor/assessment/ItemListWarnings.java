package org.exposure.assessor.assessment;

import java.util.ArrayList;
import java.util.List;

import org.exposure.assessor.domain.BankSubject;
import org.exposure.assessor.domain.Export;
import org.exposure.assessor.domain.GoodsSubject;
import org.exposure.assessor.domain.Party;
import org.exposure.assessor.domain.Payment;
import org.exposure.assessor.domain.Subject;
import org.exposure.assessor.domain.SupplierSubject;
import org.exposure.assessor.domain.Warning;
import org.exposure.assessor.rules.ReferenceData;

/**
 * The item test of EO 14024 §11(a)(ii) is only as good as the ruleset's item list. When categories of the list hold
 * no code, goods going to the Russian Federation were not tested against them: each such HS field says so, instead
 * of the missing finding reading as a clean result.
 */
final class ItemListWarnings {
    static final String CODE = "ITEM_LIST_INCOMPLETE";

    private ItemListWarnings() {
    }

    static List<Warning> of(Subject subject, ReferenceData ref) {
        List<String> unfilled = ref.unfilledItemCategories();
        List<Warning> out = new ArrayList<>();
        if (unfilled.isEmpty()) {
            return out;
        }
        String message = "OFAC's item list under EO 14024 §11(a)(ii) holds no HS code in this ruleset for "
                + String.join(", ", unfilled) + " (none could be read in a published source): these goods go to the "
                + "Russian Federation and were not tested against those categories (GOODS-EO14114-ITEM, "
                + "FFI-CRITICAL-ITEMS); check them against OFAC's Determination of 22 Dec 2023";
        if (subject instanceof GoodsSubject g) {
            if (russia(g.destinationCountry()) || russia(g.endUser())) {
                out.add(new Warning(CODE, "hsCode", message));
            }
        } else if (subject instanceof SupplierSubject s) {
            for (int i = 0; i < s.exports().size(); i++) {
                Export e = s.exports().get(i);
                if (russia(e.destinationCountry()) || (e.consignee() != null && russia(e.consignee().country()))) {
                    out.add(new Warning(CODE, "exports[" + i + "].hsCode", message));
                }
            }
        } else if (subject instanceof BankSubject b) {
            for (int i = 0; i < b.payments().size(); i++) {
                Payment p = b.payments().get(i);
                if (!p.hsCodes().isEmpty() && (russia(p.destinationCountry()) || russia(p.counterparty()))) {
                    out.add(new Warning(CODE, "payments[" + i + "].hsCodes", message));
                }
            }
        }
        return out;
    }

    private static boolean russia(String country) {
        return "RU".equals(country);
    }

    private static boolean russia(Party party) {
        return party != null && russia(party.country());
    }
}
