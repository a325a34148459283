package org.exposure.assessor.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * One entity of {@code reference/eu-transaction-bans.csv}: an entity established outside Russia with which EU
 * persons may not transact under Reg. 833/2014.
 *
 * @param name      the name as the sources report it
 * @param aliases   other names: Chinese script, usual transliterations
 * @param country   ISO 3166-1 alpha-2
 * @param legalAct  the act that added it, e.g. "Council Regulation (EU) 2025/1494 (18th package)"
 * @param provision the article of Reg. 833/2014 that bans the transactions, e.g. "Reg. 833/2014 Art. 5ad"
 * @param listedOn  the date of that act
 * @param row       where the row is, "rules/reference/eu-transaction-bans.csv:36": the id of its matches
 */
public record TransactionBan(String name, List<String> aliases, String country, String legalAct, String provision,
                             LocalDate listedOn, String row) {

    public TransactionBan {
        aliases = List.copyOf(aliases);
    }
}
