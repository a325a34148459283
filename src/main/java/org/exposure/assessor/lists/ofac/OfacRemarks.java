package org.exposure.assessor.lists.ofac;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exposure.assessor.lists.AliasKind;
import org.exposure.assessor.lists.Countries;
import org.exposure.assessor.lists.EntryBuilder;
import org.exposure.assessor.lists.Places;

/**
 * The remarks column of sdn.csv: {@code ;}-separated facts ({@code a.k.a. 'X'}, {@code SWIFT/BIC X},
 * {@code Secondary sanctions risk: ...}, {@code nationality X}, {@code citizen X}, {@code DOB 07 Oct 1952},
 * {@code POB Leningrad, Russia}, identifiers such as
 * {@code Tax ID No. 7702070139 (Russia)}), read into an entry.
 */
final class OfacRemarks {
    private static final Pattern ALIAS = Pattern.compile("^(a\\.k\\.a\\.|f\\.k\\.a\\.|n\\.k\\.a\\.)\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WEAK_ALIAS = Pattern.compile("^(weak|strong)\\s+(a\\.k\\.a\\.)\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NATIONALITY = Pattern.compile(
            "^(?:alt\\.\\s+)?(nationality of registration|nationality|citizen)\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOB = Pattern.compile("^(?:alt\\.\\s+)?DOB\\s+(.+)$");
    private static final Pattern POB = Pattern.compile("^(?:alt\\.\\s+)?POB\\s+(.+)$");
    private static final Pattern TRAILING_COUNTRY = Pattern.compile("^(.*?)\\s*\\(([^()]+)\\)\\s*$");

    private static final Pattern FACT_SEPARATOR = Pattern.compile(";");

    /** Identifier kinds (each followed by a space) in OFAC remarks, longest first so that "Registration Number" does not swallow others. */
    private static final List<String> ID_KINDS;

    static {
        List<String> kinds = new ArrayList<>(List.of(
                "SWIFT/BIC", "Tax ID No.", "Registration Number", "Passport", "Diplomatic Passport", "National ID No.",
                "Vessel Registration Identification", "C.U.R.P.", "Cedula No.", "R.F.C.", "RFC",
                "Aircraft Manufacturer's Serial Number (MSN)", "Aircraft Tail Number", "Aircraft Mode S Transponder Code",
                "Government Gazette Number", "Business Registration Number", "NIT #", "Registration ID",
                "Identification Number", "MMSI", "Folio Mercantil No.", "Commercial Registry Number", "Company Number",
                "UK Company Number", "RUC #", "Unified Social Credit Code (USCC)",
                "United Social Credit Code Certificate (USCCC)", "Legal Entity Number", "V.A.T. Number", "C.R. No.",
                "Economic Register Number (CBLS)", "Email Address", "EMAIL", "Phone Number", "PHONE", "Telephone",
                "Telephone No.", "Fax", "FAX", "Trade License No.", "Matricula Mercantil No", "D.N.I.",
                "D-U-N-S Number", "Chamber of Commerce Number", "Central Registration System Number",
                "Istanbul Chamber of Comm. No.", "Birth Certificate Number", "Driver's License No.", "RIF #", "Website",
                "BIK (RU)", "Business Number", "Business Registration Document #", "Electoral Registry No.",
                "Enterprise Number", "National Foreign ID Number", "Personal ID Card", "Italian Fiscal Code",
                "Credencial electoral", "C.U.I.", "C.U.I.T.", "C.U.I.P.", "Public Registration Number", "US FEIN",
                "Residency Number", "I.F.E.", "Permit Number", "SSN", "Registered Charity No.",
                "Dubai Chamber of Commerce Membership No.", "Certificate of Incorporation Number",
                "Turkish Identification Number", "Numero de Identidad", "LE Number", "Citizen's Card Number",
                "Kenyan ID No.", "Travel Document Number", "ISIN", "File Number", "License", "Stock Ticker",
                "Identification Number IMO", "Company Number IMO"));
        kinds.sort((a, b) -> Integer.compare(b.length(), a.length()));
        ID_KINDS = kinds.stream().map(k -> k + " ").toList();
    }

    private OfacRemarks() {
    }

    /** The {@code ;}-separated facts of the remarks column. */
    static void read(String remarks, EntryBuilder b) {
        for (String raw : FACT_SEPARATOR.split(remarks)) {
            String fact = raw.strip();
            if (fact.endsWith(".") && !fact.endsWith("Co.") && !fact.endsWith("No.")) {
                fact = fact.substring(0, fact.length() - 1).strip();
            }
            if (fact.isEmpty()) {
                continue;
            }
            if (fact.toLowerCase(Locale.ROOT).contains("secondary sanctions risk")) {
                b.secondarySanctionsRisk = true;
                continue;
            }
            Matcher weak = WEAK_ALIAS.matcher(fact);
            if (weak.matches()) {
                b.alias(unquote(weak.group(3)), AliasKind.AKA, weak.group(1).equalsIgnoreCase("weak"));
                continue;
            }
            Matcher alias = ALIAS.matcher(fact);
            if (alias.matches()) {
                b.alias(unquote(alias.group(2)), AliasKind.parse(alias.group(1)), false);
                continue;
            }
            Matcher nat = NATIONALITY.matcher(fact);
            if (nat.matches()) {
                if (nat.group(1).equalsIgnoreCase("nationality of registration")) {
                    b.country(nat.group(2)); // a vessel's flag, not a person's nationality
                } else {
                    b.nationality(nat.group(2));
                }
                continue;
            }
            Matcher dob = DOB.matcher(fact);
            if (dob.matches()) {
                b.birthDate(dob.group(1));
                continue;
            }
            Matcher pob = POB.matcher(fact);
            if (pob.matches()) {
                b.city(Places.cityOfPlace(pob.group(1)));
                continue;
            }
            String f = fact.startsWith("alt. ") ? fact.substring(5).strip() : fact;
            if (f.startsWith("Digital Currency Address - ")) {
                String[] parts = f.substring("Digital Currency Address - ".length()).strip().split(" ", 2);
                if (parts.length == 2) {
                    b.identifier("Digital Currency Address - " + parts[0], parts[1], null);
                }
                continue;
            }
            for (String kindSpace : ID_KINDS) {
                if (f.startsWith(kindSpace) && f.length() > kindSpace.length()) {
                    identifier(kindSpace.substring(0, kindSpace.length() - 1), f.substring(kindSpace.length()).strip(), b);
                    break;
                }
            }
        }
    }

    private static void identifier(String kind, String rest, EntryBuilder b) {
        String value = rest;
        String country = null;
        for (String cut : new String[] {" issued ", " expires ", " Expires ", " Issued "}) {
            int at = value.indexOf(cut);
            if (at > 0) {
                value = value.substring(0, at).strip();
            }
        }
        Matcher m = TRAILING_COUNTRY.matcher(value);
        if (m.matches() && !m.group(1).isBlank()) {
            // "(Russia)" is the issuing country; "(357)(22660766)" in a phone number or "(Cali)" is not
            String iso = Countries.toIso(m.group(2));
            if (iso != null && iso.length() == 2) {
                value = m.group(1).strip();
                country = iso;
            }
        }
        b.identifier(kind, value, country);
    }

    private static String unquote(String s) {
        String t = s.strip();
        int first = t.indexOf('\'');
        int last = t.lastIndexOf('\'');
        if (first >= 0 && last > first) {
            return t.substring(first + 1, last).strip();
        }
        return t;
    }
}
