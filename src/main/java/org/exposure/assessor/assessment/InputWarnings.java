package org.exposure.assessor.assessment;

import java.util.ArrayList;
import java.util.List;

import org.exposure.assessor.domain.BankSubject;
import org.exposure.assessor.domain.GoodsSubject;
import org.exposure.assessor.domain.Subject;
import org.exposure.assessor.domain.SupplierSubject;
import org.exposure.assessor.domain.Warning;
import org.exposure.assessor.rules.HsNomenclature;
import org.exposure.assessor.rules.ReferenceData;

/**
 * Notes about the input that do not stop an assessment: HS codes the HS 2022 nomenclature does not know, told
 * apart into HS 2017 codes that HS 2022 renumbered or split (assessed as their HS 2022 codes) and the rest
 * (assessed as given); border crossings the China-Russia list does not know.
 */
final class InputWarnings {
    private InputWarnings() {
    }

    static List<Warning> of(Subject subject, HsNomenclature hs, ReferenceData reference) {
        List<Warning> out = new ArrayList<>();
        if (subject instanceof GoodsSubject g) {
            check(hs, reference, g.hsCode(), "hsCode", out);
        } else if (subject instanceof SupplierSubject s) {
            for (int i = 0; i < s.exports().size(); i++) {
                check(hs, reference, s.exports().get(i).hsCode(), "exports[" + i + "].hsCode", out);
            }
        } else if (subject instanceof BankSubject b) {
            for (int i = 0; i < b.payments().size(); i++) {
                List<String> codes = b.payments().get(i).hsCodes();
                for (int j = 0; j < codes.size(); j++) {
                    check(hs, reference, codes.get(j), "payments[" + i + "].hsCodes[" + j + "]", out);
                }
            }
        }
        return out;
    }

    /**
     * Exports whose borderCrossing names no crossing of the China-Russia list: SUP-BORDER-CROSSING could not judge
     * them, and a crossing missing from the list (or misspelt) must not pass unnoticed.
     */
    static List<Warning> crossings(Subject subject, ReferenceData ref) {
        List<Warning> out = new ArrayList<>();
        if (subject instanceof SupplierSubject s) {
            for (int i = 0; i < s.exports().size(); i++) {
                String crossing = s.exports().get(i).borderCrossing();
                if (crossing != null && !crossing.isBlank() && ref.borderCrossing(crossing).isEmpty()) {
                    out.add(new Warning("BORDER_CROSSING_UNKNOWN", "exports[" + i + "].borderCrossing", "border crossing \""
                            + crossing + "\" is not on the China–Russia land border list; SUP-BORDER-CROSSING did not apply to it"));
                }
            }
        }
        return out;
    }

    private static void check(HsNomenclature hs, ReferenceData reference, String code, String field, List<Warning> out) {
        if (code == null || hs.contains(code)) {
            return;
        }
        List<String> hs2022 = reference.hs2022Codes(code);
        if (!hs2022.equals(List.of(code))) {
            out.add(new Warning("HS_CODE_CORRELATED", field, "HS code " + dotted(code) + " is an HS 2017 code that HS 2022"
                    + " renumbered or split; it was assessed as HS 2022 "
                    + String.join(" and ", hs2022.stream().map(InputWarnings::dotted).toList())));
        } else {
            out.add(new Warning("HS_CODE_UNKNOWN", field, "HS code " + code
                    + " is not in the HS 2022 nomenclature; it was assessed as given"));
        }
    }

    private static String dotted(String hs6) {
        return hs6.length() == 6 ? hs6.substring(0, 4) + "." + hs6.substring(4) : hs6;
    }
}
