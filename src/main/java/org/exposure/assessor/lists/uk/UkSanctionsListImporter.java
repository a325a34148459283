package org.exposure.assessor.lists.uk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exposure.assessor.lists.AliasKind;
import org.exposure.assessor.lists.EntityType;
import org.exposure.assessor.lists.EntryBuilder;
import org.exposure.assessor.lists.Places;
import org.exposure.assessor.lists.ImportException;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.InputLimits;
import org.exposure.assessor.lists.Inputs;
import org.exposure.assessor.lists.ListEntry;
import org.exposure.assessor.lists.RowProblem;
import org.exposure.assessor.lists.XmlRecords;
import org.exposure.assessor.lists.XmlRecords.Node;

/**
 * The UK Sanctions List, in the two formats the UK has published its designations in; the file says which:
 * <ul>
 * <li>the FCDO's UK Sanctions List XML ({@code Designations} root, one {@code Designation} per person, entity or
 * ship), the only UK list since OFSI's Consolidated List closed: the entry id is the {@code UniqueID} (e.g.
 * {@code AFG0011}); names are {@code Name1} to {@code Name6} in that order (Name6 is the surname or the entity's
 * name), the first {@code Primary name} (any case) the primary name, the others and the {@code NonLatinNames}
 * aliases, {@code Low quality} aliases weak; the programme is the {@code RegimeName}; identifiers are the OFSI group
 * id, UN reference, passports, national identifiers and IMO numbers; the publication time is the root's
 * {@code dateGenerated}, else its {@code DateGenerated} day;</li>
 * <li>OFSI's former Consolidated List CSV ({@code ConList}: a {@code Last Updated} row, a header of 36 columns, then
 * one row per name), gzipped or not: rows are grouped into one entry per {@code Group ID}, which is the entry id;
 * the first {@code Primary name} row gives the name, the other rows aliases ({@code FKA} a former name,
 * {@code Low quality} weak); the UK Sanctions List reference in {@code Other Information} is kept as the identifier
 * {@code UK Unique ID}. Its {@code Last Updated} day is the publication time.</li>
 * </ul>
 * The two formats number entries differently (UniqueID against Group ID), so going from a ConList to the XML replaces
 * every entry id and the new version is held until confirmed (see the lists documentation).
 */
public final class UkSanctionsListImporter {
    public static final String SOURCE = ListEntry.UK_SL;
    private static final String WHAT = "UK-SL";
    private static final String ROOT = "Designations";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final List<String> CONLIST_REQUIRED = List.of("Name 6", "Group Type", "Alias Type", "Regime",
            "Group ID");
    private static final Pattern UK_REF = Pattern.compile("\\(UK Sanctions List Ref\\):\\s*(\\S+?)\\.?(?:\\s|$)");

    private final InputLimits limits;

    public UkSanctionsListImporter() {
        this(InputLimits.DEFAULT);
    }

    public UkSanctionsListImporter(InputLimits limits) {
        this.limits = limits;
    }

    public ImportResult importFrom(Path file) throws ImportException {
        return importBytes(Inputs.readAll(file, WHAT, limits));
    }

    /** The stream (FCDO XML, or OFSI ConList CSV gzipped or plain) is read to the end and closed. */
    public ImportResult importFrom(InputStream in) throws ImportException {
        return importBytes(Inputs.readAll(in, WHAT, limits));
    }

    private ImportResult importBytes(byte[] raw) throws ImportException {
        byte[] bytes = raw;
        if (Inputs.isGzip(raw)) {
            bytes = Inputs.gunzip(raw, WHAT, limits);
        }
        String kind = Inputs.obviousKind(bytes);
        if ("an XML or HTML document".equals(kind)) {
            return xml(bytes, raw);
        }
        if (kind == null && startsWithConListHeader(bytes)) {
            return conList(bytes, raw);
        }
        throw new ImportException(WHAT + ": neither the FCDO's UK Sanctions List XML nor OFSI's ConList CSV but "
                + (kind == null ? "a file of another format" : kind));
    }

    // ---- FCDO UK Sanctions List XML -------------------------------------------------------------------------

    private ImportResult xml(byte[] bytes, byte[] raw) throws ImportException {
        List<ListEntry> entries = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<EntityType, Long> byType = new HashMap<>();
        Instant[] published = new Instant[1];
        long[] records = new long[1];
        XmlRecords.read(bytes, WHAT, limits, new XmlRecords.Handler() {
            @Override
            public void root(String localName, Map<String, String> attributes) throws ImportException {
                if (!ROOT.equals(localName)) {
                    throw new ImportException(WHAT + ": not a UK Sanctions List XML: root element is <" + localName
                            + ">, expected <" + ROOT + ">");
                }
                published[0] = instant(attributes.get("dateGenerated"));
            }

            @Override
            public void record(Node node) {
                if (node.name().equals("DateGenerated")) {
                    if (published[0] == null) {
                        published[0] = day(node.text());
                    }
                    return;
                }
                if (!node.name().equals("Designation")) {
                    return;
                }
                records[0]++;
                String problem = designation(node, entries, ids);
                if (problem != null) {
                    problems.add(new RowProblem(node.line(), "Designation: " + problem));
                } else {
                    byType.merge(entries.get(entries.size() - 1).type(), 1L, Long::sum);
                }
            }
        });
        if (entries.isEmpty()) {
            throw new ImportException(WHAT + ": no valid Designation in " + records[0] + " records");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("records", records[0]);
        counts(counts, entries, problems, byType);
        return new ImportResult(SOURCE, entries, problems, published[0], Inputs.sha256(raw), counts, List.of());
    }

    private static void counts(Map<String, Long> counts, List<ListEntry> entries, List<RowProblem> problems,
                               Map<EntityType, Long> byType) {
        counts.put("individuals", byType.getOrDefault(EntityType.INDIVIDUAL, 0L));
        counts.put("entities", byType.getOrDefault(EntityType.ENTITY, 0L));
        counts.put("ships", byType.getOrDefault(EntityType.VESSEL, 0L));
        counts.put("entries", (long) entries.size());
        counts.put("aliases", entries.stream().mapToLong(e -> e.aliases().size()).sum());
        counts.put("problems", (long) problems.size());
    }

    private static String joinNames(Node name) {
        List<String> parts = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String v = name.value("Name" + i);
            if (v != null) {
                parts.add(v);
            }
        }
        return parts.isEmpty() ? null : EntryBuilder.oneLine(String.join(" ", parts));
    }

    private static EntityType type(String raw) {
        if (raw == null) {
            return EntityType.UNKNOWN;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "individual" -> EntityType.INDIVIDUAL;
            case "entity" -> EntityType.ENTITY;
            case "ship" -> EntityType.VESSEL;
            default -> EntityType.UNKNOWN;
        };
    }

    private static boolean isPrimary(String nameType) {
        return nameType != null && nameType.strip().equalsIgnoreCase("Primary name");
    }

    private static boolean isLowQuality(String quality) {
        return quality != null && quality.strip().toLowerCase(Locale.ROOT).startsWith("low");
    }

    private static String designation(Node d, List<ListEntry> entries, Set<String> ids) {
        String id = d.value("UniqueID");
        if (id == null) {
            return "no UniqueID";
        }
        Node names = d.child("Names");
        List<Node> all = names == null ? List.of() : names.all("Name").stream().filter(n -> joinNames(n) != null).toList();
        if (all.isEmpty()) {
            return "UniqueID " + id + ": no name";
        }
        if (!ids.add(id)) {
            return "UniqueID " + id + " appears again";
        }
        Node primary = all.stream().filter(n -> isPrimary(n.value("NameType"))).findFirst().orElse(all.get(0));
        EntryBuilder b = new EntryBuilder(SOURCE, id);
        b.name = joinNames(primary);
        b.type = type(d.value("IndividualEntityShip"));
        String regime = EntryBuilder.oneLine(d.value("RegimeName"));
        b.program(regime);
        // The regime travels with every match (ListMatch#getLabel names the list), so a UK match says under which
        // regulations the party is designated.
        b.list = regime;
        for (Node n : all) {
            if (n != primary) {
                b.alias(joinNames(n), AliasKind.AKA, isLowQuality(n.value("AliasStrength")));
            }
            String strength = n.value("AliasStrength");
            b.evidence("Name", joinNames(n) + " (" + (n.value("NameType") == null ? "name" : n.value("NameType"))
                    + (strength == null ? "" : ", " + strength) + ")");
        }
        for (Node n : d.descendants("NameNonLatinScript")) {
            b.alias(n.text(), AliasKind.AKA, false);
            b.evidence("NameNonLatinScript", n.text());
        }
        for (String f : new String[] {"UniqueID", "OFSIGroupID", "UNReferenceNumber", "DateDesignated", "LastUpdated",
                "RegimeName", "IndividualEntityShip", "DesignationSource", "SanctionsImposed"}) {
            b.evidence(f, d.value(f));
        }
        b.identifier("UK Unique ID", id, null);
        b.identifier("OFSI Group ID", d.value("OFSIGroupID"), null);
        b.identifier("UN Reference Number", d.value("UNReferenceNumber"), null);
        for (Node t : d.descendants("Title")) {
            b.evidence("Title", t.text());
        }
        for (Node a : d.descendants("Address")) {
            List<String> address = new ArrayList<>();
            for (Node line : a.children()) {
                if (line.text() != null) {
                    address.add(line.text());
                }
            }
            b.country(a.value("AddressCountry"));
            b.evidence("Address", String.join(", ", address));
        }
        for (String f : new String[] {"Nationality", "CountryOfBirth", "CurrentBelievedFlagOfShip"}) {
            for (Node c : d.descendants(f)) {
                if (f.equals("Nationality")) {
                    b.nationality(c.text());
                } else {
                    b.country(c.text());
                }
            }
        }
        for (Node dob : d.descendants("DOB")) {
            b.birthDate(dob.text());
        }
        for (Node town : d.descendants("TownOfBirth")) {
            b.city(Places.cityOfPlace(town.text()));
        }
        for (String f : new String[] {"DOB", "Nationality", "Position", "TownOfBirth", "CountryOfBirth",
                "TypeOfEntity", "CurrentOwnerOperator", "CurrentBelievedFlagOfShip", "PreviousFlag", "TypeOfShip",
                "YearBuilt"}) {
            // The list repeats a value at times (the same date of birth twice): each is kept once.
            d.descendants(f).stream().map(Node::text).filter(v -> v != null).distinct()
                    .forEach(v -> b.evidence(f, v));
        }
        for (Node p : d.descendants("Passport")) {
            b.identifier("Passport", p.value("PassportNumber"), null);
            b.evidence("Passport", join(p.value("PassportNumber"), p.value("PassportAdditionalInformation")));
        }
        for (Node p : d.descendants("NationalIdentifier")) {
            String kind = p.value("NationalIdentifierAdditionalInformation");
            b.identifier("National identifier", p.value("NationalIdentifierNumber"), null);
            b.evidence("NationalIdentifier", join(p.value("NationalIdentifierNumber"), kind));
        }
        for (Node imo : d.descendants("IMONumber")) {
            b.identifier("IMO", imo.text(), null);
        }
        for (Node r : d.descendants("BusinessRegistrationNumber")) {
            b.identifier("Business registration number", r.text(), null);
        }
        b.remark(d.value("OtherInformation"));
        b.remark(d.value("UKStatementofReasons"));
        entries.add(b.build());
        return null;
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " (" + b + ")";
    }

    private static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return day(s);
        }
    }

    /** A dd/mm/yyyy day as its start in UTC; null if it is not one. */
    private static Instant day(String s) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip(), DAY).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ---- OFSI Consolidated List CSV (ConList), published until the list closed -------------------------------

    private static boolean startsWithConListHeader(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 400), StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        return head.startsWith("Last Updated") || head.startsWith("Name 6");
    }

    private ImportResult conList(byte[] csv, byte[] raw) throws ImportException {
        String text = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
        Instant published = null;
        Map<String, List<CSVRecord>> groups = new LinkedHashMap<>();
        Map<String, Long> firstRow = new HashMap<>();
        List<RowProblem> problems = new ArrayList<>();
        long rows = 0;
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(r).setFormat(CSVFormat.DEFAULT).get()) {
            Map<String, Integer> header = null;
            for (CSVRecord rec : parser) {
                long row = rec.getRecordNumber();
                if (header == null) {
                    if ("Last Updated".equals(rec.get(0).strip())) {
                        published = rec.size() > 1 ? day(rec.get(1)) : null;
                        continue;
                    }
                    header = new HashMap<>();
                    for (int i = 0; i < rec.size(); i++) {
                        header.put(rec.get(i).strip(), i);
                    }
                    for (String col : CONLIST_REQUIRED) {
                        if (!header.containsKey(col)) {
                            throw new ImportException(WHAT + ": not an OFSI ConList CSV: no column '" + col
                                    + "' in the header row " + row);
                        }
                    }
                    continue;
                }
                rows++;
                String group = cell(rec, header, "Group ID");
                if (group == null) {
                    problems.add(new RowProblem(row, "ConList: no Group ID"));
                    continue;
                }
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(rec);
                firstRow.putIfAbsent(group, row);
            }
            if (header == null) {
                throw new ImportException(WHAT + ": not an OFSI ConList CSV: no header row");
            }
            List<ListEntry> entries = new ArrayList<>();
            Map<EntityType, Long> byType = new HashMap<>();
            for (Map.Entry<String, List<CSVRecord>> g : groups.entrySet()) {
                ListEntry e = group(g.getKey(), g.getValue(), header);
                if (e == null) {
                    problems.add(new RowProblem(firstRow.get(g.getKey()), "ConList: Group ID " + g.getKey()
                            + ": no name in any of its rows"));
                } else {
                    entries.add(e);
                    byType.merge(e.type(), 1L, Long::sum);
                }
            }
            if (entries.isEmpty()) {
                throw new ImportException(WHAT + ": no valid group in " + rows + " ConList rows");
            }
            problems.sort(java.util.Comparator.comparingLong(RowProblem::rowNumber));
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("rows", rows);
            counts(counts, entries, problems, byType);
            return new ImportResult(SOURCE, entries, problems, published, Inputs.sha256(raw), counts, List.of());
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new ImportException(WHAT + ": not a readable OFSI ConList CSV, file rejected: " + e.getMessage(), e);
        }
    }

    private static String cell(CSVRecord rec, Map<String, Integer> header, String column) {
        Integer i = header.get(column);
        return i == null || i >= rec.size() ? null : EntryBuilder.oneLine(rec.get(i));
    }

    private static String conListName(CSVRecord rec, Map<String, Integer> header) {
        List<String> parts = new ArrayList<>();
        for (String col : new String[] {"Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6"}) {
            String v = cell(rec, header, col);
            if (v != null) {
                parts.add(v);
            }
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    private static ListEntry group(String id, List<CSVRecord> rows, Map<String, Integer> header) {
        CSVRecord primary = null;
        for (CSVRecord rec : rows) {
            if (conListName(rec, header) != null && isPrimary(cell(rec, header, "Alias Type"))) {
                primary = rec;
                break;
            }
        }
        if (primary == null) {
            primary = rows.stream().filter(rec -> conListName(rec, header) != null).findFirst().orElse(null);
        }
        if (primary == null) {
            return null;
        }
        EntryBuilder b = new EntryBuilder(SOURCE, id);
        b.name = conListName(primary, header);
        b.type = type(cell(primary, header, "Group Type"));
        String regime = cell(primary, header, "Regime");
        b.program(regime);
        b.list = regime;
        b.identifier("OFSI Group ID", id, null);
        for (CSVRecord rec : rows) {
            String aliasType = cell(rec, header, "Alias Type");
            String name = conListName(rec, header);
            if (rec != primary) {
                b.alias(name, AliasKind.parse(aliasType), isLowQuality(cell(rec, header, "Alias Quality")));
            }
            b.alias(cell(rec, header, "Name Non-Latin Script"), AliasKind.AKA, false);
            if (name != null) {
                b.evidence("Name", name + " (" + (aliasType == null ? "name" : aliasType)
                        + (cell(rec, header, "Alias Quality") == null ? "" : ", " + cell(rec, header, "Alias Quality"))
                        + ")");
            }
            for (String col : new String[] {"Country", "Country of Birth"}) {
                b.country(cell(rec, header, col));
            }
            b.nationality(cell(rec, header, "Nationality"));
            b.birthDate(cell(rec, header, "DOB"));
            b.city(Places.cityOfPlace(cell(rec, header, "Town of Birth")));
            b.identifier("Passport", cell(rec, header, "Passport Number"), null);
            b.identifier("National identifier", cell(rec, header, "National Identification Number"), null);
            Matcher ref = UK_REF.matcher(cell(rec, header, "Other Information") == null ? ""
                    : cell(rec, header, "Other Information"));
            if (ref.find()) {
                b.identifier("UK Unique ID", ref.group(1), null);
            }
            for (String col : new String[] {"Title", "Name Non-Latin Script", "DOB", "Town of Birth",
                    "Country of Birth", "Nationality", "Passport Number", "Passport Details",
                    "National Identification Number", "National Identification Details", "Position", "Regime",
                    "Group Type", "Listed On", "UK Sanctions List Date Designated", "Last Updated"}) {
                b.evidence(col, cell(rec, header, col));
            }
            List<String> address = new ArrayList<>();
            for (String col : new String[] {"Address 1", "Address 2", "Address 3", "Address 4", "Address 5",
                    "Address 6", "Post/Zip Code", "Country"}) {
                if (cell(rec, header, col) != null) {
                    address.add(cell(rec, header, col));
                }
            }
            b.evidence("Address", String.join(", ", address));
        }
        b.remark(cell(primary, header, "Other Information"));
        return b.build();
    }
}
