package org.exposure.assessor.fuzz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exposure.assessor.fuzz.Json.Field;
import org.exposure.assessor.fuzz.Json.Obj;
import org.exposure.assessor.fuzz.Json.Raw;

/**
 * Why a mutated subject must be refused, read from the final tree rather than from the mutations that made it (a
 * later mutation may have removed what an earlier one broke). Only what docs/api.md promises to refuse is listed:
 * a key given twice, a field the subject does not have, a number where a date belongs or a date no calendar has, a
 * required name that shows nothing, a share or amount out of its range. An input with a reason here that is
 * accepted (2xx) is a finding. Nothing here ever says an input must be accepted.
 */
final class Refusals {
    private static final List<String> COMMON = List.of("type", "ref", "name", "aliases", "country", "region");
    private static final Map<String, Set<String>> ROOT = Map.of(
            "GOODS", fields(COMMON, "hsCode", "dualUseCode", "description", "originCountry", "destinationCountry",
                    "destinationRegion", "endUser", "noReexportClause", "date"),
            "SUPPLIER", fields(COMMON, "incorporatedOn", "website", "residentialAddress", "lineOfBusiness", "owners",
                    "exports"),
            "BANK", fields(COMMON, "internationalExposure", "usCorrespondentAccess", "connectedToSpfs",
                    "russiaPaymentShare", "correspondents", "payments"));
    /** The fields of a nested object, by the key it (or the array it is in) sits under. */
    private static final Map<String, Set<String>> NESTED = Map.of(
            "owners", fields(List.of(), "name", "country", "sharePercent", "sanctioned", "owners"),
            "exports", fields(List.of(), "hsCode", "dualUseCode", "destinationCountry", "destinationRegion",
                    "consignee", "borderCrossing", "valueUsd", "endUseStatement", "noReexportClause", "date"),
            "consignee", fields(List.of(), "name", "country", "region", "kind", "sanctioned"),
            "endUser", fields(List.of(), "name", "country", "region", "sanctioned", "sector"),
            "counterparty", fields(List.of(), "name", "country", "region", "sanctioned", "sector"),
            "correspondents", fields(List.of(), "name", "country", "bic", "sanctioned"),
            "payments", fields(List.of(), "counterparty", "hsCodes", "destinationCountry", "amountUsd", "date"));
    private static final Set<String> DATES = Set.of("date", "incorporatedOn");
    /** Where a name is required (@NotBlank): the subject's own for a supplier or bank, an owner's, a correspondent's. */
    private static final Set<String> REQUIRED_NAMES = Set.of("owners", "correspondents");

    private Refusals() {
    }

    private static Set<String> fields(List<String> common, String... more) {
        Set<String> s = new HashSet<>(common);
        s.addAll(List.of(more));
        return s;
    }

    static List<String> of(Object root) {
        List<String> why = new ArrayList<>();
        if (!(root instanceof Obj o)) {
            return why;
        }
        String type = o.fields.stream().filter(f -> f.key.equals("type") && f.value instanceof String)
                .map(f -> (String) f.value).findFirst().orElse(null);
        Set<String> known = type == null ? null : ROOT.get(type);
        if (known == null) {
            return why;
        }
        object(o, known, "", type.equals("GOODS") ? null : "subject", why, 0);
        return why;
    }

    private static void object(Obj o, Set<String> known, String path, String requiredName, List<String> why,
            int depth) {
        if (depth > 50) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Field f : o.fields) {
            String at = path.isEmpty() ? f.key : path + "." + f.key;
            if (!seen.add(f.key)) {
                why.add("the key " + Mutator.shortly(at) + " twice");
            }
            if (!known.contains(f.key)) {
                why.add("the unknown field " + Mutator.shortly(at));
                continue;
            }
            Object v = f.value;
            if (DATES.contains(f.key)) {
                if (v instanceof Raw r && !r.text().equals("null")) {
                    why.add("a number as the date " + at);
                } else if (v instanceof String s && (s.startsWith("+") || s.startsWith("-"))) {
                    why.add("the date " + Mutator.shortly(s) + " at " + at);
                }
            }
            if (f.key.equals("name") && requiredName != null && v instanceof String s && !s.isEmpty()
                    && showsNothing(s)) {
                why.add("a name of invisible characters only at " + at);
            }
            BigDecimal n = v instanceof Raw r ? number(r.text()) : null;
            if (n != null) {
                if (f.key.equals("russiaPaymentShare") && (n.signum() < 0 || n.compareTo(BigDecimal.ONE) > 0)) {
                    why.add("russiaPaymentShare " + r(v) + " outside 0..1");
                }
                if (f.key.equals("sharePercent") && (n.signum() < 0 || n.compareTo(BigDecimal.valueOf(100)) > 0)) {
                    why.add("sharePercent " + r(v) + " outside 0..100 at " + at);
                }
                if ((f.key.equals("valueUsd") || f.key.equals("amountUsd")) && n.signum() < 0) {
                    why.add("a negative amount " + r(v) + " at " + at);
                }
            }
            Set<String> inner = NESTED.get(f.key);
            if (inner != null) {
                String required = REQUIRED_NAMES.contains(f.key) ? f.key : null;
                if (v instanceof Obj child) {
                    object(child, inner, at, required, why, depth + 1);
                } else if (v instanceof List<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        if (list.get(i) instanceof Obj child) {
                            object(child, inner, at + "[" + i + "]", required, why, depth + 1);
                        }
                    }
                }
            }
        }
    }

    private static String r(Object v) {
        return ((Raw) v).text();
    }

    /** A number as JSON writes it, or null for a token that is none (NaN, 0x10: the parser refuses those anyway). */
    private static BigDecimal number(String text) {
        if (!text.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** Nothing but white space, format characters (zero-width, direction marks, BOM) and combining marks. */
    static boolean showsNothing(String s) {
        return s.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.CONTROL || c == 0x2060);
    }
}
