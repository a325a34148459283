package org.exposure.assessor.lists.un;

import java.io.ByteArrayInputStream;
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

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.exposure.assessor.lists.AliasKind;
import org.exposure.assessor.lists.EntityType;
import org.exposure.assessor.lists.EntryBuilder;
import org.exposure.assessor.lists.ImportException;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.Inputs;
import org.exposure.assessor.lists.ListEntry;
import org.exposure.assessor.lists.RowProblem;

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

    public ImportResult importFrom(Path file) throws ImportException {
        return importBytes(Inputs.readAll(file, "UN consolidated list"));
    }

    /** The stream is read to the end and closed. */
    public ImportResult importFrom(InputStream in) throws ImportException {
        return importBytes(Inputs.readAll(in, "UN consolidated list"));
    }

    /** One element with its text and child elements, for one INDIVIDUAL or ENTITY at a time. */
    private record Node(String name, int line, StringBuilder text, List<Node> children) {
        Node child(String n) {
            for (Node c : children) {
                if (c.name.equals(n)) {
                    return c;
                }
            }
            return null;
        }

        List<Node> all(String n) {
            return children.stream().filter(c -> c.name.equals(n)).toList();
        }

        String value(String n) {
            Node c = child(n);
            return c == null ? null : EntryBuilder.clean(c.text.toString());
        }

        /** Values of {@code <n><VALUE>..</VALUE></n>} groups. */
        List<String> values(String n) {
            List<String> out = new ArrayList<>();
            for (Node c : all(n)) {
                for (Node v : c.all("VALUE")) {
                    String s = EntryBuilder.clean(v.text.toString());
                    if (s != null) {
                        out.add(s);
                    }
                }
            }
            return out;
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    private ImportResult importBytes(byte[] bytes) throws ImportException {
        String kind = Inputs.obviousKind(bytes);
        if (kind != null && !kind.equals("an XML or HTML document")) {
            throw new ImportException("UN: not a UN consolidated list XML but " + kind);
        }
        List<ListEntry> entries = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Instant published = null;
        long individuals = 0;
        long entities = 0;
        long records = 0;
        XMLStreamReader r = null;
        try {
            r = factory().createXMLStreamReader(new ByteArrayInputStream(bytes));
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog
            }
            if (!r.isStartElement()) {
                throw new ImportException("UN: not a UN consolidated list XML: no root element");
            }
            if (!ROOT.equals(r.getLocalName())) {
                throw new ImportException("UN: not a UN consolidated list XML: root element is <" + r.getLocalName()
                        + ">, expected <" + ROOT + ">");
            }
            String generated = r.getAttributeValue(null, "dateGenerated");
            published = parseInstant(generated);
            int depth = 1;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (depth == 2 && (name.equals("INDIVIDUAL") || name.equals("ENTITY"))) {
                        Node node = readNode(r);
                        records++;
                        String problem = read(node, entries, ids);
                        if (problem != null) {
                            problems.add(new RowProblem(node.line(), name + ": " + problem));
                        } else if (name.equals("INDIVIDUAL")) {
                            individuals++;
                        } else {
                            entities++;
                        }
                        continue; // readNode consumed the end tag
                    }
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw new ImportException("UN: not a well-formed UN consolidated list XML, file rejected: "
                    + e.getMessage(), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
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

    /** Reads the element the reader stands on, with its subtree, up to and including its end tag. */
    private static Node readNode(XMLStreamReader r) throws XMLStreamException {
        Node node = new Node(r.getLocalName(), r.getLocation().getLineNumber(), new StringBuilder(), new ArrayList<>());
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> node.children().add(readNode(r));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        node.text().append(r.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return node;
                }
                default -> {
                    // comments, processing instructions
                }
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
            for (String v : n.values(f)) {
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
        for (String nat : n.values("NATIONALITY")) {
            b.country(nat);
        }
        for (Node a : n.all(prefix + "ADDRESS")) {
            b.country(a.value("COUNTRY"));
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
        }
        for (Node p : n.all("INDIVIDUAL_PLACE_OF_BIRTH")) {
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
