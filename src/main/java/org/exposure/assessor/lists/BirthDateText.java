package org.exposure.assessor.lists;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth as the lists write them, to the ISO 8601 dates or prefixes the matcher compares ({@code 1952},
 * {@code 1952-10}, {@code 1952-10-07}): ISO dates and prefixes (UN, EU, CSL, FollowTheMoney), {@code 07 Oct 1952}
 * and {@code Oct 1952} (OFAC), {@code 07/10/1952} with {@code 00}, {@code dd} or {@code mm} for an unknown day or
 * month (UK), each possibly
 * after {@code circa}; and ranges ({@code 1958 to 1960}, {@code 1958-1960}), which become every year of the range,
 * since the person's date is one of them. What is not a date (a blank, "unknown") gives nothing.
 */
public final class BirthDateText {
    /** A longer range says too little of the person to tell two apart; it is left out. */
    static final int MAX_RANGE_YEARS = 15;

    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?(?:T.*)?");
    private static final Pattern DAY_MONTH_NAME = Pattern.compile("(?:(\\d{1,2})\\s+)?([A-Za-z]{3,9})\\.?,?\\s+(\\d{4})");
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2}|dd)[/.](\\d{1,2}|mm)[/.](\\d{4})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE = Pattern.compile("(.+?)\\s*(?:\\bto\\b|-|–|/)\\s*(.+)");
    private static final Pattern CIRCA = Pattern.compile("^(?:circa|approximately|approx\\.?|ca\\.?|about)\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));

    private BirthDateText() {
    }

    /** The dates a text gives: one, every year of a range, or none. */
    public static List<String> parse(String raw) {
        String t = EntryBuilder.oneLine(raw);
        if (t == null) {
            return List.of();
        }
        t = CIRCA.matcher(t).replaceFirst("");
        String one = single(t);
        if (one != null) {
            return List.of(one);
        }
        Matcher range = RANGE.matcher(t);
        if (range.matches()) {
            String from = single(CIRCA.matcher(range.group(1)).replaceFirst(""));
            String to = single(CIRCA.matcher(range.group(2)).replaceFirst(""));
            if (from != null && to != null) {
                int a = Integer.parseInt(from.substring(0, 4));
                int b = Integer.parseInt(to.substring(0, 4));
                if (a <= b && b - a < MAX_RANGE_YEARS) {
                    List<String> years = new ArrayList<>(b - a + 1);
                    for (int y = a; y <= b; y++) {
                        years.add(Integer.toString(y));
                    }
                    return years;
                }
            }
        }
        return List.of();
    }

    /** One date or prefix, or null. */
    private static String single(String t) {
        Matcher iso = ISO.matcher(t);
        if (iso.matches()) {
            return date(iso.group(1), iso.group(2), iso.group(3));
        }
        Matcher named = DAY_MONTH_NAME.matcher(t);
        if (named.matches()) {
            String name = named.group(2).toLowerCase(Locale.ROOT);
            Integer month = name.length() >= 3 ? MONTHS.get(name.substring(0, 3)) : null;
            if (month == null) {
                return null;
            }
            return date(named.group(3), Integer.toString(month), named.group(1));
        }
        Matcher slashed = SLASHED.matcher(t);
        if (slashed.matches()) {
            return date(slashed.group(3), digits(slashed.group(2)), digits(slashed.group(1)));
        }
        return null;
    }

    /** The UK list writes an unknown day or month as {@code dd} or {@code mm}: taken as not given. */
    private static String digits(String part) {
        return Character.isDigit(part.charAt(0)) ? part : null;
    }

    /**
     * The ISO form at the precision given: a missing or zero month gives the year alone, a missing or zero day the
     * year and month; an impossible date, or a year outside 1800–2100, gives null.
     */
    private static String date(String year, String month, String day) {
        int y = Integer.parseInt(year);
        if (y < 1800 || y > 2100) {
            return null;
        }
        int m = month == null ? 0 : Integer.parseInt(month);
        int d = day == null ? 0 : Integer.parseInt(day);
        if (m == 0) {
            return year;
        }
        if (m > 12) {
            return null;
        }
        if (d == 0) {
            return String.format(Locale.ROOT, "%04d-%02d", y, m);
        }
        try {
            return LocalDate.of(y, m, d).toString();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
