package org.exposure.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * reference/eu-transaction-bans.csv as ReferenceData reads it for LIST-EU-TRANSACTION-BAN: its rows, and the broken
 * rows that stop the ruleset, naming the file and line.
 */
class TransactionBanReferenceTest {
    private static final String FILE = ReferenceData.TRANSACTION_BANS;

    private static Map<String, String> files() {
        return new HashMap<>(RulesetFiles.fromDirectory(Path.of("rules")).files());
    }

    /** The project's files with one line of the ban file replaced. */
    private static Map<String, String> with(String from, String to) {
        Map<String, String> files = files();
        String content = files.get(FILE);
        assertThat(content).contains(from);
        files.put(FILE, content.replace(from, to));
        return files;
    }

    private static int lineOf(String text) {
        String content = files().get(FILE);
        return content.substring(0, content.indexOf(text)).split("\n", -1).length;
    }

    @Test
    @DisplayName("the two Heilongjiang banks of the 18th package, with Chinese names, country, act, provision and date")
    void heiheAndSuifenhe() {
        ReferenceData data = ReferenceData.load(files());
        TransactionBan heihe = data.transactionBans().stream().filter(b -> b.name().equals("Heihe Rural Commercial Bank"))
                .findFirst().orElseThrow();
        assertThat(heihe.aliases()).contains("黑河农村商业银行股份有限公司");
        assertThat(heihe.country()).isEqualTo("CN");
        assertThat(heihe.legalAct()).isEqualTo("Council Regulation (EU) 2025/1494 (18th package)");
        assertThat(heihe.provision()).isEqualTo("Reg. 833/2014 Art. 5ad");
        assertThat(heihe.listedOn()).isEqualTo(LocalDate.of(2025, 7, 18));
        assertThat(heihe.row()).isEqualTo("rules/" + FILE + ":" + lineOf("Heihe Rural Commercial Bank,"));
        assertThat(data.transactionBan(heihe.row())).isSameAs(heihe);
        assertThat(data.transactionBans()).extracting(TransactionBan::name).contains("Suifenhe Rural Commercial Bank");
    }

    @Test
    @DisplayName("a row with a date that is not ISO 8601 stops the ruleset, naming the file and line")
    void badDate() {
        int line = lineOf("Heihe Rural Commercial Bank,");
        assertThatThrownBy(() -> ReferenceData.load(with("Art. 5ad,2025-07-18\nSuifenhe", "Art. 5ad,18/07/2025\nSuifenhe")))
                .isInstanceOf(RulesetException.class)
                .hasMessageContaining("rules/" + FILE + ":" + line + " ")
                .hasMessageContaining("18/07/2025");
    }

    @Test
    @DisplayName("a row with a country that is not two letters, or without a name, stops the ruleset")
    void badCountryOrName() {
        assertThatThrownBy(() -> ReferenceData.load(with("黑河农商行,CN,", "黑河农商行,China,")))
                .isInstanceOf(RulesetException.class).hasMessageContaining("rules/" + FILE + ":").hasMessageContaining("CHINA");
        assertThatThrownBy(() -> ReferenceData.load(with("\nHeihe Rural Commercial Bank,", "\n,")))
                .isInstanceOf(RulesetException.class).hasMessageContaining("expects a name");
    }

    @Test
    @DisplayName("a name given twice stops the ruleset, naming both lines")
    void duplicate() {
        assertThatThrownBy(() -> ReferenceData.load(with("\nSuifenhe Rural Commercial Bank,", "\nHEIHE RURAL COMMERCIAL BANK,")))
                .isInstanceOf(RulesetException.class).hasMessageContaining("again")
                .hasMessageContaining(":" + lineOf("Heihe Rural Commercial Bank,"));
    }

    @Test
    @DisplayName("a ruleset without the file does not load")
    void missing() {
        Map<String, String> files = files();
        files.remove(FILE);
        assertThatThrownBy(() -> ReferenceData.load(files)).isInstanceOf(RulesetException.class).hasMessageContaining(FILE);
    }
}
