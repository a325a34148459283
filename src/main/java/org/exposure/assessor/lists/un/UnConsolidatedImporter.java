package org.exposure.assessor.lists.un;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.exposure.assessor.lists.AliasKind;
import org.exposure.assessor.lists.EntityType;
import org.exposure.assessor.lists.EntryBuilder;
import org.exposure.assessor.lists.ImportException;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.InputLimits;
import org.exposure.assessor.lists.Inputs;
import org.exposure.assessor.lists.ListEntry;
import org.exposure.assessor.lists.RowProblem;
import org.exposure.assessor.lists.XmlRecords;
import org.exposure.assessor.lists.XmlRecords.Node;

/**
 * UN Security Council consolidated list XML ({@code CONSOLIDATED_LIST} with {@code INDIVIDUALS/INDIVIDUAL} and
 * {@code ENTITIES/ENTITY}), read with the JDK's StAX parser (DTDs and external entities off).
 * Entry id is {@code DATAID}; the name is FIRST_NAME to FOURTH_NAME; aliases from {@code *_ALIAS} (quality
 * {@code Low} marks a weak alias, {@code f.k.a.} a former name) and {@code NAME_ORIGINAL_SCRIPT}; program is
 * {@code UN_LIST_TYPE}; countries from NATIONALITY and the address countries; identifiers from the documents
 * and the UN reference number; the publication time is the root's {@code dateGenerated}.
 */
public final class UnConsolidatedImporter {
    public static final String SOURCE = ListEntry.UN;
    private static final String ROOT = "CONSOLIDATED_LIST";

    private final InputLimits limits;

    public UnConsolidatedImporter() {
        this(InputLimits.DEFAULT);
    }

    public UnConsolidatedImporter(InputLimits limits) {
        this.limits = limits;
    }

    public ImportResult importFrom(Path file) throws ImportException {
        return importBytes(Inputs.readAll(file, "UN consolidated list", limits));
    }

    /** The stream is read to the end and closed. */
    public ImportResult importFrom(InputStream in) throws ImportException {
        return importBytes(Inputs.readAll(in, "UN consolidated list", limits));
    }

    /** Values of {@code <n><VALUE>..</VALUE></n>} groups. */
    private static List<String> values(Node node, String n) {
        List<String> out = new ArrayList<>();
        for (Node c : node.all(n)) {
            for (Node v : c.all("VALUE")) {
                String s = v.text();
                if (s != null) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private ImportResult importBytes(byte[] bytes) throws ImportException {
        String kind = Inputs.obviousKind(bytes);
        if (kind != null && !kind.equals("an XML or HTML document")) {
            throw new ImportException("UN: not a UN consolidated list XML but " + kind);
        }
        List<ListEntry> entries = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Instant[] publishedAt = new Instant[1];
        long[] counted = new long[3];
        XmlRecords.read(bytes, "UN", 2, limits, new XmlRecords.Handler() {
            @Override
            public void root(String localName, Map<String, String> attributes) throws ImportException {
                if (!ROOT.equals(localName)) {
                    throw new ImportException("UN: not a UN consolidated list XML: root element is <" + localName
                            + ">, expected <" + ROOT + ">");
                }
                publishedAt[0] = parseInstant(attributes.get("dateGenerated"));
            }

            @Override
            public void record(Node node) {
                String name = node.name();
                if (!name.equals("INDIVIDUAL") && !name.equals("ENTITY")) {
                    return;
                }
                counted[0]++;
                String problem = read(node, entries, ids);
                if (problem != null) {
                    problems.add(new RowProblem(node.line(), name + ": " + problem));
                } else {
                    counted[name.equals("INDIVIDUAL") ? 1 : 2]++;
                }
            }
        });
        Instant published = publishedAt[0];
        long records = counted[0];
        long individuals = counted[1];
        long entities = counted[2];
        if (entries.isEmpty()) {
            throw new ImportException("UN: no valid INDIVIDUAL or ENTITY in " + records + " records");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("records", records);
        counts.put("individuals", individuals);
        counts.put("entities", entities);
        counts.put("entries", (long) entries.size());
        counts.put("aliases", entries.stream().mapToLong(e -> e.aliases().size()).sum());
        counts.put("problems", (long) problems.size());
        return new ImportResult(SOURCE, entries, problems, published, Inputs.sha256(bytes), counts, List.of());
    }

    private static Instant parseInstant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s.strip()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String read(Node n, List<ListEntry> entries, Set<String> ids) {
        String id = n.value("DATAID");
        if (id == null) {
            return "no DATAID";
        }
        List<String> parts = new ArrayList<>();
        for (String f : new String[] {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"}) {
            String v = n.value(f);
            if (v != null) {
                parts.add(v);
            }
        }
        if (parts.isEmpty()) {
            return "DATAID " + id + ": no name";
        }
        if (!ids.add(id)) {
            return "DATAID " + id + " appears again";
        }
        boolean individual = n.name().equals("INDIVIDUAL");
        String prefix = individual ? "INDIVIDUAL_" : "ENTITY_";
        EntryBuilder b = new EntryBuilder(SOURCE, id);
        b.name = EntryBuilder.oneLine(String.join(" ", parts));
        b.type = individual ? EntityType.INDIVIDUAL : EntityType.ENTITY;
        for (String f : new String[] {"DATAID", "VERSIONNUM", "FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME",
                "UN_LIST_TYPE", "REFERENCE_NUMBER", "LISTED_ON", "GENDER", "NAME_ORIGINAL_SCRIPT", "SUBMITTED_BY"}) {
            b.evidence(f, n.value(f));
        }
        for (String f : new String[] {"TITLE", "DESIGNATION", "NATIONALITY", "LIST_TYPE", "LAST_DAY_UPDATED"}) {
            for (String v : values(n, f)) {
                b.evidence(f, v);
            }
        }
        b.program(n.value("UN_LIST_TYPE"));
        String ref = n.value("REFERENCE_NUMBER");
        if (ref != null) {
            b.identifier("UN Reference Number", ref, null);
        }
        b.alias(n.value("NAME_ORIGINAL_SCRIPT"), AliasKind.AKA, false);
        for (Node a : n.all(prefix + "ALIAS")) {
            String quality = a.value("QUALITY");
            boolean weak = quality != null && quality.toLowerCase(Locale.ROOT).startsWith("low");
            b.alias(a.value("ALIAS_NAME"), AliasKind.parse(quality), weak);
            if (a.value("ALIAS_NAME") != null) {
                b.evidence("ALIAS", (quality == null ? "" : quality + " ") + a.value("ALIAS_NAME"));
            }
        }
        for (String nat : values(n, "NATIONALITY")) {
            b.nationality(nat);
        }
        for (Node a : n.all(prefix + "ADDRESS")) {
            b.country(a.value("COUNTRY"));
            b.city(a.value("CITY"));
            List<String> address = new ArrayList<>();
            for (String f : new String[] {"STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY", "NOTE"}) {
                String v = a.value(f);
                if (v != null) {
                    address.add(v);
                }
            }
            b.evidence("ADDRESS", String.join(", ", address));
        }
        for (Node d : n.all("INDIVIDUAL_DATE_OF_BIRTH")) {
            String date = d.value("DATE") != null ? d.value("DATE") : d.value("YEAR");
            if (date == null && d.value("FROM_YEAR") != null) {
                date = d.value("FROM_YEAR") + "-" + d.value("TO_YEAR");
            }
            b.evidence("DATE_OF_BIRTH", date);
            b.birthDate(date);
        }
        for (Node p : n.all("INDIVIDUAL_PLACE_OF_BIRTH")) {
            b.city(p.value("CITY"));
            List<String> place = new ArrayList<>();
            for (String f : new String[] {"CITY", "STATE_PROVINCE", "COUNTRY"}) {
                String v = p.value(f);
                if (v != null) {
                    place.add(v);
                }
            }
            b.evidence("PLACE_OF_BIRTH", String.join(", ", place));
        }
        for (Node d : n.all("INDIVIDUAL_DOCUMENT")) {
            String type = d.value("TYPE_OF_DOCUMENT");
            String number = d.value("NUMBER");
            if (number != null) {
                String country = d.value("ISSUING_COUNTRY") != null ? d.value("ISSUING_COUNTRY") : d.value("COUNTRY_OF_ISSUE");
                b.identifier(type == null ? "Document" : type, number, country);
            }
        }
        b.remark(n.value("COMMENTS1"));
        entries.add(b.build());
        return null;
    }
}
