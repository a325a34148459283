package org.exposure.assessor.lists;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Mutable collector for one entry while a file is read; drops blanks and duplicates. */
public final class EntryBuilder {
    public final String source;
    /** The longest entry id the store keeps (list_entry.entry_id). */
    public static final int MAX_ID = 200;

    public final String id;
    public String name;
    public EntityType type = EntityType.UNKNOWN;
    public String list;
    public boolean secondarySanctionsRisk;
    private final List<Alias> aliases = new ArrayList<>();
    private final Set<String> aliasKeys = new LinkedHashSet<>();
    private final Set<String> programs = new LinkedHashSet<>();
    private final Set<String> countries = new LinkedHashSet<>();
    private final Set<Identifier> identifiers = new LinkedHashSet<>();
    private final List<String> remarks = new ArrayList<>();
    private final Set<String> datasets = new LinkedHashSet<>();
    private final Set<String> birthDates = new LinkedHashSet<>();
    private final Set<String> nationalities = new LinkedHashSet<>();
    private final Map<String, String> cities = new LinkedHashMap<>();
    private final Map<String, String> evidence = new LinkedHashMap<>();

    public EntryBuilder(String source, String id) {
        this.source = source;
        this.id = id;
    }

    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    /** {@link #clean} with inner runs of whitespace (line breaks in XML values) as one space. */
    public static String oneLine(String s) {
        String t = clean(s);
        return t == null ? null : WHITESPACE.matcher(t).replaceAll(" ");
    }

    public EntryBuilder alias(String aliasName, AliasKind kind, boolean weak) {
        String n = oneLine(aliasName);
        if (n == null) {
            return this;
        }
        String key = n.toLowerCase(Locale.ROOT);
        if ((name != null && key.equals(name.toLowerCase(Locale.ROOT))) || !aliasKeys.add(key)) {
            return this;
        }
        aliases.add(new Alias(n, kind, weak));
        return this;
    }

    public int aliasCount() {
        return aliases.size();
    }

    public EntryBuilder program(String p) {
        String v = clean(p);
        if (v != null) {
            programs.add(v);
        }
        return this;
    }

    /** A country as written: mapped to ISO alpha-2 where possible. */
    public EntryBuilder country(String raw) {
        String c = Countries.toIso(raw);
        if (c != null) {
            countries.add(c);
        }
        return this;
    }

    /** A date of birth as the list writes it ({@link BirthDateText}); what is not a date is left out. */
    public EntryBuilder birthDate(String raw) {
        birthDates.addAll(BirthDateText.parse(raw));
        return this;
    }

    /**
     * A nationality or citizenship as written: kept when it maps to ISO alpha-2, and also counted among the
     * {@link #country countries}, as the importers did before they kept nationalities apart.
     */
    public EntryBuilder nationality(String raw) {
        String c = Countries.toIso(raw);
        if (c != null) {
            countries.add(c);
            if (c.length() == 2) {
                nationalities.add(c);
            }
        }
        return this;
    }

    /**
     * A city of an address or a place of birth, as written; the same city in another case is kept once, and a value
     * without a letter (the EU's {@code -} for none) is left out.
     */
    public EntryBuilder city(String raw) {
        String c = oneLine(raw);
        if (c != null && c.codePoints().anyMatch(Character::isLetter)) {
            cities.putIfAbsent(c.toLowerCase(Locale.ROOT), c);
        }
        return this;
    }

    public EntryBuilder identifier(String idType, String value, String country) {
        String t = oneLine(idType);
        String v = oneLine(value);
        if (t != null && v != null) {
            identifiers.add(new Identifier(t, v, Countries.toIso(country)));
        }
        return this;
    }

    public EntryBuilder remark(String r) {
        String v = clean(r);
        if (v != null) {
            remarks.add(v);
        }
        return this;
    }

    public EntryBuilder dataset(String d) {
        String v = clean(d);
        if (v != null) {
            datasets.add(v);
        }
        return this;
    }

    /** Evidence field: blank values are left out, a repeated field keeps its values joined with " | ". */
    public EntryBuilder evidence(String field, String value) {
        String v = clean(value);
        if (v != null) {
            evidence.merge(field, v, (a, b) -> a.equals(b) ? a : a + " | " + b);
        }
        return this;
    }

    public ListEntry build() {
        return new ListEntry(source, id, name, aliases, type, new ArrayList<>(programs), new ArrayList<>(countries),
                new ArrayList<>(identifiers), remarks, secondarySanctionsRisk, list, new ArrayList<>(datasets),
                evidence, new EntryFacts(new ArrayList<>(birthDates), new ArrayList<>(nationalities),
                new ArrayList<>(cities.values())));
    }
}
