package org.exposure.assessor.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * English numbers written in words read as digits, so that "Brigade Fourty-four" is "brigade 44" as the list writes
 * it: units, teens, tens (with the common misspellings "fourty", "ninty"), "hundred" and "thousand", an "and" inside a
 * number ("one hundred and five"), a ten and a unit written together ("fortyfour"), and a final ordinal ("forty-fourth"
 * is {@code 44th}, as "61st" is written). A sequence of number words is read as one number as long as it reads as one;
 * "one two" is two.
 * <p>
 * Every name goes through the same reading, the screened and the listed, so a word read as a number on one side is
 * read the same on the other: "One Bank" is {@code 1 bank} on both sides and still matches itself. What the reading
 * costs is only the fuzzy comparison of those words, and number words of at most four letters (one, two, four, ...)
 * match only exactly anyway. A lone "ten" is left a word: it is a Dutch particle of names ("ten Brink"), which
 * may be written together with the name.
 */
final class NumberWords {

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9));
    private static final Map<String, Integer> TEENS = Map.ofEntries(
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.ofEntries(
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fourty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90), Map.entry("ninty", 90));
    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("first", 1), Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4),
            Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8),
            Map.entry("ninth", 9), Map.entry("tenth", 10), Map.entry("eleventh", 11), Map.entry("twelfth", 12),
            Map.entry("thirteenth", 13), Map.entry("fourteenth", 14), Map.entry("fifteenth", 15),
            Map.entry("sixteenth", 16), Map.entry("seventeenth", 17), Map.entry("eighteenth", 18),
            Map.entry("nineteenth", 19), Map.entry("twentieth", 20), Map.entry("thirtieth", 30),
            Map.entry("fortieth", 40), Map.entry("fourtieth", 40), Map.entry("fiftieth", 50),
            Map.entry("sixtieth", 60), Map.entry("seventieth", 70), Map.entry("eightieth", 80),
            Map.entry("ninetieth", 90), Map.entry("hundredth", 100), Map.entry("thousandth", 1000));

    /** What a word is in a number. */
    private enum Kind { UNIT, TEEN, TENS, HUNDRED, THOUSAND, ORDINAL }

    private record Word(Kind kind, int value) {
    }

    private NumberWords() {
    }

    /** {@code tokens} with every number in words replaced by its digits; the same list when there is none. */
    static List<String> read(List<String> tokens) {
        List<String> out = null;
        for (int i = 0; i < tokens.size(); ) {
            int end = i;
            long total = 0;
            long current = 0;
            Kind last = null;
            String suffix = null;
            while (end < tokens.size() && suffix == null) {
                String t = tokens.get(end);
                if ("and".equals(t) && (last == Kind.HUNDRED || last == Kind.THOUSAND) && end + 1 < tokens.size()
                        && word(tokens.get(end + 1)) != null && word(tokens.get(end + 1)).kind != Kind.HUNDRED
                        && word(tokens.get(end + 1)).kind != Kind.THOUSAND) {
                    end++;
                    continue;
                }
                Word w = word(t);
                if (w == null || !follows(last, w)) {
                    break;
                }
                switch (w.kind) {
                    case UNIT, TEEN, TENS -> current += w.value;
                    case HUNDRED -> current = (current == 0 ? 1 : current) * 100;
                    case THOUSAND -> {
                        total += (current == 0 ? 1 : current) * 1000;
                        current = 0;
                    }
                    case ORDINAL -> {
                        if (w.value == 100) {
                            current = (current == 0 ? 1 : current) * 100;
                        } else if (w.value == 1000) {
                            total += (current == 0 ? 1 : current) * 1000;
                            current = 0;
                        } else {
                            current += w.value;
                        }
                        suffix = ordinalSuffix(w.value);
                    }
                }
                last = w.kind;
                end++;
            }
            // A lone "ten" is the Dutch particle as often as the number (see the class).
            boolean loneTen = end == i + 1 && "ten".equals(tokens.get(i));
            if (end == i || loneTen) {
                if (out != null) {
                    out.add(tokens.get(i));
                }
                i++;
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(tokens.subList(0, i));
            }
            out.add((total + current) + (suffix == null ? "" : suffix));
            i = end;
        }
        return out == null ? tokens : out;
    }

    /** Whether word {@code w} continues a number whose last word was of kind {@code last}. */
    private static boolean follows(Kind last, Word w) {
        if (last == null) {
            return true;
        }
        Kind next = w.kind;
        boolean scale = next == Kind.HUNDRED || next == Kind.THOUSAND
                || next == Kind.ORDINAL && (w.value == 100 || w.value == 1000);
        return switch (last) {
            case UNIT, TEEN -> scale;
            case TENS -> scale || next == Kind.UNIT || next == Kind.ORDINAL && w.value < 10;
            case HUNDRED -> next != Kind.HUNDRED;
            case THOUSAND -> next != Kind.THOUSAND;
            case ORDINAL -> false;
        };
    }

    /** The word as part of a number, or null; a ten and a unit written together ("fortyfour") count as a unit. */
    private static Word word(String t) {
        Integer v = UNITS.get(t);
        if (v != null) {
            return new Word(Kind.UNIT, v);
        }
        v = TEENS.get(t);
        if (v != null) {
            return new Word(Kind.TEEN, v);
        }
        v = TENS.get(t);
        if (v != null) {
            return new Word(Kind.TENS, v);
        }
        if ("hundred".equals(t)) {
            return new Word(Kind.HUNDRED, 100);
        }
        if ("thousand".equals(t)) {
            return new Word(Kind.THOUSAND, 1000);
        }
        v = ORDINALS.get(t);
        if (v != null) {
            return new Word(Kind.ORDINAL, v);
        }
        if (t.length() >= 8) { // twentyone .. ninetynine, fortyfourth
            for (Map.Entry<String, Integer> tens : TENS.entrySet()) {
                if (t.startsWith(tens.getKey())) {
                    String rest = t.substring(tens.getKey().length());
                    Integer unit = UNITS.get(rest);
                    if (unit != null && unit > 0) {
                        return new Word(Kind.TEEN, tens.getValue() + unit); // a whole two-digit number
                    }
                    Integer ordinal = ORDINALS.get(rest);
                    if (ordinal != null && ordinal < 10) {
                        return new Word(Kind.ORDINAL, tens.getValue() + ordinal);
                    }
                }
            }
        }
        return null;
    }

    private static String ordinalSuffix(int value) {
        int lastTwo = value % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return "th";
        }
        return switch (value % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
