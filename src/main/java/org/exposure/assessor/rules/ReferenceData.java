package org.exposure.assessor.rules;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The code lists that sit beside the rules in {@code rules/reference/}: the CHPL, the restricted destinations, the
 * transshipment countries, the China-Russia border crossings, the Far East defence-industry regions and the Chinese
 * regions of the regional-bank channel. Loaded once per ruleset; immutable and shared by every evaluation.
 */
public final class ReferenceData {
    static final String CHPL = "reference/chpl.csv";
    static final String RESTRICTED = "reference/restricted-destinations.csv";
    static final String TRANSSHIPMENT = "reference/transshipment-countries.csv";
    static final String BORDER_CROSSINGS = "reference/border-crossings.csv";
    static final String FAR_EAST = "reference/far-east-defense-regions.csv";
    static final String CHANNEL_REGIONS = "reference/russia-bordering-regions.csv";
    private static final List<String> CROSSING_KINDS = List.of("road", "rail", "river", "road bridge", "rail bridge");
    static final String PARAMETERS = "reference/parameters.csv";
    static final String LAW_DATES = "reference/law-dates.csv";
    static final String ITEMS = "reference/eo14114-items.csv";

    /** Reads a reference file's records, handing each to {@code row} with where it is for error messages. */
    @FunctionalInterface
    interface Rows {
        void each(String file, BiConsumer<CSVRecord, String> row);
    }
    static final String TRANSACTION_BANS = "reference/eu-transaction-bans.csv";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).get();

    private final Map<String, ChplEntry> chpl;
    private final Destinations destinations;
    private final CriticalItems items;
    private final LawDates lawDates;
    private final Map<String, String> transshipmentCountries;
    /** Names as the reference files spell them, so explanations do not depend on the JDK's locale data. */
    private final Map<String, String> countryNames;
    private final PlaceIndex<BorderCrossing> borderCrossings;
    private final PlaceIndex<String> farEastRegions;
    /** Region to the plants that put it on the list, as the reference file words them. */
    private final Map<String, String> farEastPlants;
    /** The Chinese regions of the regional-bank channel, per country code. */
    private final Map<String, PlaceIndex<ChannelRegion>> channelRegions;
    private final Map<String, String> parameters;

    private ReferenceData(Map<String, ChplEntry> chpl, Destinations destinations, CriticalItems items, LawDates lawDates,
                          Map<String, String> transshipmentCountries,
                          Map<String, String> countryNames, PlaceIndex<BorderCrossing> borderCrossings,
                          PlaceIndex<String> farEastRegions, Map<String, String> farEastPlants,
                          Map<String, PlaceIndex<ChannelRegion>> channelRegions,
                          Map<String, String> parameters) {
        this.chpl = Map.copyOf(chpl);
        this.destinations = destinations;
        this.items = items;
        this.lawDates = lawDates;
        this.transshipmentCountries = Map.copyOf(transshipmentCountries);
        this.countryNames = Map.copyOf(countryNames);
        this.borderCrossings = borderCrossings;
        this.farEastRegions = farEastRegions;
        this.farEastPlants = Map.copyOf(farEastPlants);
        this.channelRegions = Map.copyOf(channelRegions);
        this.parameters = Map.copyOf(parameters);
    }

    /** Reads the reference files from the ruleset's files (relative path to content). */
    static ReferenceData load(Map<String, String> files) {
        Map<String, ChplEntry> chpl = new LinkedHashMap<>();
        read(files, CHPL, (r, at) -> {
            String code = r.get("hs6");
            String tier = r.get("tier").toUpperCase();
            if (!code.matches("\\d{6}") || !tier.matches("1|2|3A|3B|4A|4B")) {
                throw new RulesetException(at
                        + " expects a six-digit code and a tier 1, 2, 3A, 3B, 4A or 4B, got " + code + "," + tier);
            }
            ChplEntry previous = chpl.put(code, new ChplEntry(code, tier, r.get("label")));
            if (previous != null) {
                // A second row would silently re-tier the code; make the officer choose.
                throw new RulesetException(at + " lists " + code + " again (already tier " + previous.tier() + ")");
            }
        });
        Map<String, String> countryNames = new HashMap<>();
        Rows rows = (name, row) -> read(files, name, row);
        Destinations destinations = Destinations.load(rows, countryNames);
        CriticalItems items = CriticalItems.load(rows);
        LawDates lawDates = LawDates.load(rows);
        Map<String, String> transshipment = new LinkedHashMap<>();
        read(files, TRANSSHIPMENT, (r, at) -> {
            transshipment.put(r.get("iso2").toUpperCase(), r.get("name"));
            countryNames.put(r.get("iso2").toUpperCase(), r.get("name"));
        });
        PlaceIndex<BorderCrossing> crossings = new PlaceIndex<>();
        // Every spelling with the rows it names, so that a name several rows share stands for all of them.
        Map<String, List<BorderCrossing>> bySpelling = new LinkedHashMap<>();
        read(files, BORDER_CROSSINGS, (r, at) -> {
            String kind = r.get("kind");
            if (!CROSSING_KINDS.contains(kind)) {
                throw new RulesetException(at + " kind must be one of " + String.join(", ", CROSSING_KINDS) + ", got " + kind);
            }
            requireSource(r, at);
            List<String> checkpoint = spellings(r.get("russian_checkpoint"));
            BorderCrossing crossing = new BorderCrossing(r.get("province"), kind, r.get("chinese_side"),
                    r.get("russian_side"), checkpoint.isEmpty() ? null : checkpoint.get(0), blankToNull(r.get("status")));
            List<String> names = new ArrayList<>(List.of(r.get("chinese_side"), r.get("chinese_hanzi"),
                    r.get("russian_side"), r.get("russian_cyrillic")));
            names.addAll(checkpoint);
            names.addAll(spellings(r.get("aliases")));
            for (String name : names) {
                String folded = Names.fold(name);
                if (!folded.isEmpty()) {
                    List<BorderCrossing> named = bySpelling.computeIfAbsent(folded, f -> new ArrayList<>());
                    if (!named.contains(crossing)) {
                        named.add(crossing);
                    }
                }
            }
        });
        bySpelling.forEach((spelling, named) -> crossings.add(spelling, BorderCrossing.anyOf(named)));
        PlaceIndex<String> farEast = new PlaceIndex<>();
        Map<String, String> farEastPlants = new HashMap<>();
        read(files, FAR_EAST, (r, at) -> {
            requireSource(r, at);
            if (r.get("plant").isBlank()) {
                throw new RulesetException(at + " names no plant: say which plant puts " + r.get("region") + " on the list");
            }
            farEast.add(r.get("region"), r.get("region"));
            farEastPlants.put(r.get("region"), r.get("plant"));
            for (String alias : spellings(r.get("aliases"))) {
                farEast.add(alias, r.get("region"));
            }
        });
        Map<String, PlaceIndex<ChannelRegion>> channel = new HashMap<>();
        read(files, CHANNEL_REGIONS, (r, at) -> {
            requireSource(r, at);
            String borders = r.get("borders_russia").toLowerCase(java.util.Locale.ROOT);
            if (!borders.equals("true") && !borders.equals("false")) {
                throw new RulesetException(at + " borders_russia must be true or false, got " + r.get("borders_russia"));
            }
            ChannelRegion region = new ChannelRegion(r.get("region"), Boolean.parseBoolean(borders));
            PlaceIndex<ChannelRegion> index = channel.computeIfAbsent(r.get("country").toUpperCase(), c -> new PlaceIndex<>());
            index.add(region.name(), region);
            for (String alias : spellings(r.get("aliases"))) {
                index.add(alias, region);
            }
        });
        Map<String, String> parameters = new HashMap<>();
        read(files, PARAMETERS, (r, at) -> parameters.put(r.get("name"), r.get("value")));
        ReferenceData data = new ReferenceData(chpl, destinations, items, lawDates, transshipment, countryNames, crossings,
                farEast, farEastPlants, channel, parameters);
        data.checkParameters();
        data.transactionBans = TransactionBans.load((name, row) -> read(files, name, row));
        data.hs2017 = Hs2017Links.load((name, row) -> read(files, name, row));
        return data;
    }

    /** Set once by {@link #load}, before the data is shared; never changed after. */
    private List<TransactionBan> transactionBans = List.of();

    /** The entities under an EU transaction ban, in the order of the file. */
    public List<TransactionBan> transactionBans() {
        return transactionBans;
    }

    /** The entity of the row a match names ({@link TransactionBan#row}), or null. */
    public TransactionBan transactionBan(String row) {
        for (TransactionBan b : transactionBans) {
            if (b.row().equals(row)) {
                return b;
            }
        }
        return null;
    }

    /** Hands each record to {@code row} with where it is, "rules/reference/chpl.csv:7", for error messages. */
    private static void read(Map<String, String> files, String name, BiConsumer<CSVRecord, String> row) {
        String content = files.get(name);
        if (content == null) {
            throw new RulesetException("the ruleset lacks its reference file " + name, List.of(new RulesetProblem(
                    RulesetProblem.Kind.REFERENCE_DATA, "rules/" + name, null, "the ruleset lacks this reference file")));
        }
        try (Reader reader = new StringReader(content); CSVParser parser = FORMAT.parse(reader)) {
            int scanned = 0;
            long line = 1;
            for (CSVRecord record : parser) {
                int at = (int) Math.min(Math.max(record.getCharacterPosition(), scanned), content.length());
                for (int i = scanned; i < at; i++) {
                    if (content.charAt(i) == '\n') {
                        line++;
                    }
                }
                scanned = at;
                long dataLine = firstDataLine(content, at, line);
                String where = "rules/" + name + ":" + dataLine;
                try {
                    row.accept(record, where);
                } catch (RulesetException e) {
                    if (!e.problems().isEmpty()) {
                        throw e;
                    }
                    // The row's check words its message after the place it was handed; the place is kept apart here.
                    String message = e.getMessage().startsWith(where + " ")
                            ? e.getMessage().substring(where.length() + 1) : e.getMessage();
                    throw new RulesetException(e.getMessage(), List.of(new RulesetProblem(RulesetProblem.Kind.REFERENCE_DATA,
                            "rules/" + name, (int) dataLine, message)), e);
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new RulesetException(name + " cannot be read: " + e.getMessage(), List.of(new RulesetProblem(
                    RulesetProblem.Kind.REFERENCE_DATA, "rules/" + name, null, "cannot be read: " + e.getMessage())), e);
        }
    }

    /** The "|"-separated names of a cell, blanks dropped. */
    private static List<String> spellings(String cell) {
        List<String> out = new ArrayList<>();
        for (String name : cell.split("\\|")) {
            if (!name.isBlank()) {
                out.add(name.strip());
            }
        }
        return out;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Place lists carry where each row comes from; a row without a source is a claim nobody can check. */
    private static void requireSource(CSVRecord r, String at) {
        if (!r.isMapped("source") || !r.isSet("source") || r.get("source").isBlank()) {
            throw new RulesetException(at + " has no source: say where the row comes from");
        }
    }

    /**
     * The line a record really starts on: its character position is where the parser began reading it, before the
     * comment and empty lines that precede it.
     */
    private static long firstDataLine(String content, int at, long line) {
        while (at < content.length()) {
            int eol = content.indexOf('\n', at);
            String text = (eol < 0 ? content.substring(at) : content.substring(at, eol)).strip();
            if (eol < 0 || (!text.isEmpty() && !text.startsWith("#"))) {
                break;
            }
            at = eol + 1;
            line++;
        }
        return line;
    }

    // HS 2017 codes renumbered or split in HS 2022 (Hs2017Links). Set once by load(), outside the constructor, so
    // that this addition stays apart from the other reference files.
    private Map<String, List<String>> hs2017 = Map.of();

    /**
     * The HS 2022 codes to test for a six-digit code: its HS 2022 successors when it is an HS 2017 code that HS 2022
     * no longer has (8548.90 gives 8548.00; 8517.12 gives 8517.13 and 8517.14), else the code itself (an HS 2022
     * code, or one neither edition knows). Empty for null. Never empty otherwise.
     */
    public List<String> hs2022Codes(String hsCode) {
        if (hsCode == null) {
            return List.of();
        }
        return hs2017.getOrDefault(hsCode, List.of(hsCode));
    }

    public Optional<ChplEntry> chpl(String hsCode) {
        return Optional.ofNullable(chpl.get(hsCode));
    }

    public List<ChplEntry> chplEntries() {
        return List.copyOf(chpl.values());
    }

    public boolean isRestrictedCountry(String iso2) {
        return destinations.country(iso2).isPresent();
    }

    /** The export ban on a whole country (Russia, Belarus), with its law. */
    public Optional<Restriction> restriction(String iso2) {
        return destinations.country(iso2);
    }

    /**
     * The restricted area or partly occupied oblast a free-text region names, looked up under its country (under
     * any country when none is given).
     */
    public Optional<Restriction> restriction(String country, String region) {
        return destinations.region(country, region);
    }

    /** The entry of OFAC's §11(a)(ii) item list a six-digit HS code falls under. */
    public Optional<CriticalItem> criticalItem(String hs6) {
        return items.find(hs6);
    }

    /** The item list's categories that hold no code (none could be sourced). */
    public List<String> unfilledItemCategories() {
        return items.unfilled();
    }

    public LawDates lawDates() {
        return lawDates;
    }

    /** The China-Russia border crossing a free-text crossing names, by either side or an alias. */
    public Optional<BorderCrossing> borderCrossing(String text) {
        return text == null ? Optional.empty() : borderCrossings.find(text);
    }

    /** The Russian Far East defence-industry region a free-text region or city names. */
    public Optional<String> farEastDefenseRegion(String text) {
        return text == null ? Optional.empty() : farEastRegions.find(text);
    }

    /** The defence-industry plants that put a region of the Far East list there ("Ulan-Ude Aviation Plant (...)"). */
    public String farEastDefensePlants(String region) {
        return region == null ? null : farEastPlants.get(region);
    }

    /**
     * The Chinese region of the regional-bank channel (Heilongjiang, Liaoning, ...) a bank's free-text region names,
     * within its country, with whether it borders Russia.
     */
    public Optional<ChannelRegion> channelRegion(String country, String region) {
        PlaceIndex<ChannelRegion> index = country == null ? null : channelRegions.get(country);
        return index == null || region == null ? Optional.empty() : index.find(region);
    }

    // Facts read parameters for every subject: parse each once.
    private final Map<String, Object> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    public java.math.BigDecimal decimal(String name) {
        return (java.math.BigDecimal) parsed.computeIfAbsent(name, n -> new java.math.BigDecimal(parameter(n)));
    }

    public java.time.LocalDate date(String name) {
        return (java.time.LocalDate) parsed.computeIfAbsent(name, n -> java.time.LocalDate.parse(parameter(n)));
    }

    @SuppressWarnings("unchecked")
    public Set<String> codes(String name) {
        return (Set<String>) parsed.computeIfAbsent(name, n -> {
            Set<String> out = new HashSet<>();
            for (String code : parameter(n).split("\\|")) {
                if (!code.isBlank()) {
                    out.add(code.strip().toUpperCase());
                }
            }
            return Set.copyOf(out);
        });
    }

    private String parameter(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new RulesetException(PARAMETERS + " lacks the parameter " + name);
        }
        return value;
    }

    /** Every parameter the rules use must be present and well-formed, or the ruleset does not load. */
    private void checkParameters() {
        try {
            decimal(Parameters.RUSSIA_SHARE);
            codes(Parameters.REGIONAL_CHANNEL_COUNTRIES);
            decimal(Parameters.OWN_BLOCKED);
            decimal(Parameters.OWN_MINORITY);
            date(Parameters.NEW_ENTITY_SINCE);
            codes(Parameters.EU_MEMBER_STATES);
            codes(Parameters.ART_12G_PARTNERS);
            codes(Parameters.ART_12G_CHAPTERS);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new RulesetException(PARAMETERS + " holds a malformed value: " + e.getMessage(), e);
        }
    }

    /** "Kazakhstan (KZ)": the name from the reference files, else the JDK's English name. */
    public String countryLabel(String iso2) {
        if (iso2 == null) {
            return null;
        }
        return countryNames.getOrDefault(iso2, Names.countryName(iso2)) + " (" + iso2 + ")";
    }

    public boolean isTransshipmentCountry(String iso2) {
        return iso2 != null && transshipmentCountries.containsKey(iso2);
    }
}
