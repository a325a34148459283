package org.exposure.assessor.intake;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The numbers a subject may carry: shares, percentages and US-dollar amounts. Each is kept exactly as written
 * (BigDecimal end to end), so it must fit a sane size rather than be rounded: {@code 1e-400} is not silently 0 and
 * {@code 1e400} is not a stake or an amount. The bounds are far beyond any real value (the largest amount they
 * allow is below 10^24 USD, the finest fraction 10^-30) and within what every database stores exactly.
 */
public final class Numbers {
    /** Significant digits, as in IEEE 754 decimal128 and well inside a database NUMERIC. */
    public static final int MAX_DIGITS = 34;
    /** Digits before the decimal point. */
    public static final int MAX_INTEGER_DIGITS = 24;
    /** Digits after the decimal point, trailing zeros not counted. */
    public static final int MAX_FRACTION_DIGITS = 30;

    private Numbers() {
    }

    /** Adds an error, by JSON path under {@code prefix}, for every number in {@code node} outside the bounds. */
    public static void check(JsonNode node, String prefix, List<FieldError> errors) {
        if (node == null) {
            return;
        }
        if (node.isNumber()) {
            String problem = problem(node);
            if (problem != null) {
                errors.add(new FieldError(prefix == null || prefix.isEmpty() ? "(body)" : prefix, problem));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), (prefix == null ? "" : prefix) + "[" + i + "]", errors);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                check(field.getValue(), prefix == null || prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), errors);
            }
        }
    }

    /** What is wrong with this number, or null when it is within the bounds. */
    static String problem(JsonNode number) {
        if ((number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue())) {
            return "is not a number: NaN and Infinity are not accepted; send a decimal number";
        }
        BigDecimal value = number.isBigInteger() ? new BigDecimal((BigInteger) number.numberValue())
                : number.decimalValue();
        return problem(value);
    }

    /** What is wrong with this value, or null when it is within the bounds. */
    public static String problem(BigDecimal value) {
        // Computed from precision and scale only: 1e400 is never written out in full.
        BigDecimal v = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        long fraction = Math.max(0, v.scale());
        long integer = Math.max(0L, (long) v.precision() - v.scale());
        if (fraction > MAX_FRACTION_DIGITS) {
            return "has " + fraction + " digits after the decimal point; at most " + MAX_FRACTION_DIGITS
                    + " are accepted (the value is not rounded)";
        }
        if (integer > MAX_INTEGER_DIGITS) {
            return "is too large: " + integer + " digits before the decimal point; at most " + MAX_INTEGER_DIGITS
                    + " are accepted";
        }
        if (v.precision() > MAX_DIGITS) {
            return "has " + v.precision() + " significant digits; at most " + MAX_DIGITS
                    + " are accepted (the value is not rounded)";
        }
        return null;
    }
}
