package org.exposure.assessor.intake.validation;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.exposure.assessor.intake.FieldError;
import org.exposure.assessor.intake.dto.OwnerDto;

/**
 * Checks an ownership tree as a whole, which field constraints cannot: the direct stakes at one level may not add
 * up to more than 100 %, and no owner may appear in its own chain (a cycle: A owns B owns A) — the 50 % rule has
 * no answer for either, so they are input errors, named by path.
 */
public final class OwnershipChecks {
    /** Deeper than any real structure; stops pathological input before it costs anything. */
    public static final int MAX_DEPTH = 20;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private OwnershipChecks() {
    }

    public static void check(String subjectName, List<OwnerDto> owners, String prefix, List<FieldError> errors) {
        List<String> chain = new ArrayList<>();
        List<String> chainPaths = new ArrayList<>();
        if (subjectName != null && !subjectName.isBlank()) {
            chain.add(fold(subjectName));
            chainPaths.add("the subject");
        }
        level(owners, prefix.isEmpty() ? "owners" : prefix + ".owners", chain, chainPaths, 1, errors);
    }

    private static void level(List<OwnerDto> owners, String path, List<String> chain, List<String> chainPaths, int depth,
                              List<FieldError> errors) {
        if (owners == null || owners.isEmpty()) {
            return;
        }
        if (depth > MAX_DEPTH) {
            errors.add(new FieldError(path, "ownership is nested deeper than " + MAX_DEPTH + " levels"));
            return;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (OwnerDto o : owners) {
            if (o != null && o.sharePercent() != null) {
                total = total.add(o.sharePercent());
            }
        }
        if (total.compareTo(HUNDRED) > 0) {
            errors.add(new FieldError(path, "the direct stakes add up to " + total.stripTrailingZeros().toPlainString()
                    + "%, more than 100%"));
        }
        for (int i = 0; i < owners.size(); i++) {
            OwnerDto o = owners.get(i);
            if (o == null || o.name() == null || o.name().isBlank()) {
                continue;
            }
            String here = path + "[" + i + "]";
            String name = fold(o.name());
            int seen = chain.indexOf(name);
            if (seen >= 0) {
                errors.add(new FieldError(here + ".name", "\"" + o.name().strip() + "\" owns itself through its own chain ("
                        + chainPaths.get(seen) + " → " + here + "): ownership cycles cannot be assessed"));
                continue;
            }
            chain.add(name);
            chainPaths.add(here);
            level(o.owners(), here + ".owners", chain, chainPaths, depth + 1, errors);
            chain.remove(chain.size() - 1);
            chainPaths.remove(chainPaths.size() - 1);
        }
    }

    private static String fold(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
