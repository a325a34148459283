package org.exposure.assessor.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code rules/reference/eu-transaction-bans.csv}. */
final class TransactionBans {
    private TransactionBans() {
    }

    /**
     * The entities of {@code eu-transaction-bans.csv}. A row without a name, a country that is not two letters, a
     * missing act or provision, a date that is not ISO 8601 or a name given twice stops the ruleset: a row that
     * silently screened nothing would be a ban nobody is told about.
     */
    static List<TransactionBan> load(ReferenceData.Rows read) {
        List<TransactionBan> bans = new java.util.ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        read.each(ReferenceData.TRANSACTION_BANS, (r, at) -> {
            String name = r.get("name");
            String country = r.get("country").toUpperCase(java.util.Locale.ROOT);
            if (name.isBlank() || !country.matches("[A-Z]{2}") || r.get("legal_act").isBlank()
                    || r.get("provision").isBlank()) {
                throw new RulesetException(at + " expects a name, a two-letter country, a legal act and a provision, got "
                        + name + "," + country + "," + r.get("legal_act") + "," + r.get("provision"));
            }
            java.time.LocalDate listedOn;
            try {
                listedOn = java.time.LocalDate.parse(r.get("listed_on"));
            } catch (java.time.DateTimeException e) {
                throw new RulesetException(at + " listed_on must be a date as 2025-07-18, got " + r.get("listed_on"), e);
            }
            List<String> aliases = new java.util.ArrayList<>();
            for (String alias : r.get("aliases").split("\\|")) {
                if (!alias.isBlank()) {
                    aliases.add(alias.strip());
                }
            }
            String previous = seen.putIfAbsent(Names.fold(name), at);
            if (previous != null) {
                throw new RulesetException(at + " names " + name + " again (already " + previous + ")");
            }
            bans.add(new TransactionBan(name, aliases, country, r.get("legal_act"), r.get("provision"), listedOn, at));
        });
        return List.copyOf(bans);
    }
}
