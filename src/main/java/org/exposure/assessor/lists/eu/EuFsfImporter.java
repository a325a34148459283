package org.exposure.assessor.lists.eu;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
 * The EU Consolidated Financial Sanctions List as the European Commission publishes it: the Financial Sanctions Files
 * (FSF) XML, version 1.1 ({@code export} root in the namespace {@value #NAMESPACE}, one {@code sanctionEntity} per
 * listed person or entity). Every {@code nameAlias} is kept, in whatever language or script the Commission gives it;
 * the primary name is the first strong alias in no particular language or in English (the Commission's lists name a
 * person first in the Latin script), else the first alias. The entry id is the entity's {@code logicalId}, which the
 * Commission keeps across exports; its EU reference number ({@code euReferenceNumber}) and UN reference
 * ({@code unitedNationId}) are identifiers. The programmes are the {@code programme} codes of its regulations (RUS,
 * UKR, IRQ, ...). The publication time is the root's {@code generationDate}.
 */
public final class EuFsfImporter {
    public static final String SOURCE = ListEntry.EU_FSF;
    public static final String NAMESPACE = "http://eu.europa.ec/fpi/fsd/export";
    private static final String ROOT = "export";
    private static final String WHAT = "EU-FSF";
    /** The FSF writes "00" / "UNKNOWN" where it does not know a country. */
    private static final String NO_COUNTRY = "00";

    private final InputLimits limits;

    public EuFsfImporter() {
        this(InputLimits.DEFAULT);
    }

    public EuFsfImporter(InputLimits limits) {
        this.limits = limits;
    }

    public ImportResult importFrom(Path file) throws ImportException {
        return importBytes(Inputs.readAll(file, WHAT, limits));
    }

    /** The stream is read to the end and closed. */
    public ImportResult importFrom(InputStream in) throws ImportException {
        return importBytes(Inputs.readAll(in, WHAT, limits));
    }

    private ImportResult importBytes(byte[] bytes) throws ImportException {
        String kind = Inputs.obviousKind(bytes);
        if (kind != null && !kind.equals("an XML or HTML document")) {
            throw new ImportException(WHAT + ": not an EU Financial Sanctions Files XML but " + kind);
        }
        List<ListEntry> entries = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        Instant[] published = new Instant[1];
        long[] records = new long[1];
        Map<String, Long> bySubjectType = new LinkedHashMap<>();
        XmlRecords.read(bytes, WHAT, limits, new XmlRecords.Handler() {
            @Override
            public void root(String localName, Map<String, String> attributes) throws ImportException {
                if (!ROOT.equals(localName)) {
                    throw new ImportException(WHAT + ": not an EU Financial Sanctions Files XML: root element is <"
                            + localName + ">, expected <" + ROOT + "> in " + NAMESPACE);
                }
                published[0] = instant(attributes.get("generationDate"));
            }

            @Override
            public void record(Node node) {
                if (!node.name().equals("sanctionEntity")) {
                    return;
                }
                records[0]++;
                String problem = read(node, entries, ids);
                if (problem != null) {
                    problems.add(new RowProblem(node.line(), "sanctionEntity: " + problem));
                } else {
                    String type = subjectType(node);
                    bySubjectType.merge(type == null ? "unknown" : type, 1L, Long::sum);
                }
            }
        });
        if (entries.isEmpty()) {
            throw new ImportException(WHAT + ": no valid sanctionEntity in " + records[0] + " records");
        }
        counts.put("records", records[0]);
        counts.put("persons", bySubjectType.getOrDefault("person", 0L));
        counts.put("enterprises", bySubjectType.getOrDefault("enterprise", 0L));
        counts.put("entries", (long) entries.size());
        counts.put("aliases", entries.stream().mapToLong(e -> e.aliases().size()).sum());
        counts.put("problems", (long) problems.size());
        return new ImportResult(SOURCE, entries, problems, published[0], Inputs.sha256(bytes), counts, List.of());
    }

    private static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String subjectType(Node n) {
        Node t = n.child("subjectType");
        return t == null ? null : t.attr("code");
    }

    /** The name a {@code nameAlias} gives: its whole name, else first, middle and last name. */
    private static String aliasName(Node a) {
        String whole = EntryBuilder.oneLine(a.attr("wholeName"));
        if (whole != null) {
            return whole;
        }
        List<String> parts = new ArrayList<>();
        for (String f : new String[] {"firstName", "middleName", "lastName"}) {
            if (a.attr(f) != null) {
                parts.add(a.attr(f));
            }
        }
        return parts.isEmpty() ? null : EntryBuilder.oneLine(String.join(" ", parts));
    }

    private static void country(EntryBuilder b, Node n) {
        String iso = n.attr("countryIso2Code");
        if (iso != null && !iso.equals(NO_COUNTRY)) {
            b.country(iso);
        }
    }

    private static String read(Node n, List<ListEntry> entries, Set<String> ids) {
        String id = n.attr("logicalId");
        if (id == null) {
            return "no logicalId";
        }
        List<Node> aliases = n.all("nameAlias").stream().filter(a -> aliasName(a) != null).toList();
        if (aliases.isEmpty()) {
            return "logicalId " + id + ": no nameAlias with a name";
        }
        if (!ids.add(id)) {
            return "logicalId " + id + " appears again";
        }
        Node primary = aliases.stream().filter(a -> !"false".equals(a.attr("strong")))
                .filter(a -> a.attr("nameLanguage") == null || "EN".equalsIgnoreCase(a.attr("nameLanguage")))
                .findFirst().orElse(aliases.get(0));
        EntryBuilder b = new EntryBuilder(SOURCE, id);
        b.name = aliasName(primary);
        String type = subjectType(n);
        b.type = type == null ? EntityType.UNKNOWN : switch (type.toLowerCase(Locale.ROOT)) {
            case "person" -> EntityType.INDIVIDUAL;
            case "enterprise" -> EntityType.ENTITY;
            default -> EntityType.UNKNOWN;
        };
        for (String f : new String[] {"logicalId", "euReferenceNumber", "unitedNationId", "designationDate",
                "designationDetails"}) {
            b.evidence(f, n.attr(f));
        }
        b.evidence("subjectType", type);
        Set<String> programmes = new LinkedHashSet<>();
        for (Node r : n.all("regulation")) {
            String programme = r.attr("programme");
            if (programme != null) {
                programmes.add(programme);
                b.program(programme);
            }
            List<String> regulation = new ArrayList<>();
            for (String f : new String[] {"programme", "regulationType", "numberTitle", "publicationDate",
                    "entryIntoForceDate"}) {
                if (r.attr(f) != null) {
                    regulation.add(r.attr(f));
                }
            }
            b.evidence("regulation", String.join(", ", regulation));
            b.evidence("publicationUrl", r.value("publicationUrl"));
        }
        // The regime travels with every match (ListMatch#getLabel names the list), so an EU match says which
        // programme it falls under without opening the entry.
        b.list = programmes.isEmpty() ? null : "programme " + String.join(", ", programmes);
        b.identifier("EU reference number", n.attr("euReferenceNumber"), null);
        b.identifier("UN reference number", n.attr("unitedNationId"), null);
        for (Node a : aliases) {
            if (a != primary) {
                b.alias(aliasName(a), AliasKind.AKA, "false".equals(a.attr("strong")));
            }
            String language = a.attr("nameLanguage");
            b.evidence("nameAlias", (language == null ? "" : language + ": ") + aliasName(a)
                    + (a.attr("function") == null ? "" : " (" + a.attr("function") + ")"));
            b.evidence("gender", a.attr("gender"));
        }
        for (Node c : n.all("citizenship")) {
            country(b, c);
            String iso = c.attr("countryIso2Code");
            if (iso != null && !iso.equals(NO_COUNTRY)) {
                b.nationality(iso);
            }
            b.evidence("citizenship", c.attr("countryDescription"));
        }
        for (Node d : n.all("birthdate")) {
            country(b, d);
            String date = d.attr("birthdate") != null ? d.attr("birthdate") : d.attr("year");
            // Only what the evidence keeps (the date or the year), so that the facts change with the content hash.
            b.birthDate(date);
            b.city(d.attr("city"));
            List<String> birth = new ArrayList<>();
            if (date != null) {
                birth.add(("true".equals(d.attr("circa")) ? "circa " : "") + date);
            }
            for (String f : new String[] {"city", "place", "region"}) {
                if (d.attr(f) != null) {
                    birth.add(d.attr(f));
                }
            }
            if (d.attr("countryDescription") != null && !d.attr("countryDescription").equals("UNKNOWN")) {
                birth.add(d.attr("countryDescription"));
            }
            b.evidence("birthdate", String.join(", ", birth));
        }
        for (Node a : n.all("address")) {
            country(b, a);
            b.city(a.attr("city"));
            List<String> address = new ArrayList<>();
            for (String f : new String[] {"street", "poBox", "city", "zipCode", "region", "place", "countryDescription"}) {
                if (a.attr(f) != null && !"UNKNOWN".equals(a.attr(f))) {
                    address.add(a.attr(f));
                }
            }
            b.evidence("address", String.join(", ", address));
        }
        for (Node i : n.all("identification")) {
            String number = i.attr("number") != null ? i.attr("number") : i.attr("latinNumber");
            String idType = i.attr("identificationTypeDescription") != null ? i.attr("identificationTypeDescription")
                    : i.attr("identificationTypeCode");
            String issuer = i.attr("countryIso2Code");
            b.identifier(idType == null ? "identification" : idType, number,
                    issuer == null || issuer.equals(NO_COUNTRY) ? null : issuer);
        }
        for (Node r : n.all("remark")) {
            b.remark(r.text());
        }
        entries.add(b.build());
        return null;
    }
}
