package org.exposure.assessor.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.exposure.assessor.domain.BankSubject;
import org.exposure.assessor.domain.Consignee;
import org.exposure.assessor.domain.ConsigneeKind;
import org.exposure.assessor.domain.Correspondent;
import org.exposure.assessor.domain.Exposure;
import org.exposure.assessor.domain.Export;
import org.exposure.assessor.domain.GoodsSubject;
import org.exposure.assessor.domain.Owner;
import org.exposure.assessor.domain.Party;
import org.exposure.assessor.domain.Payment;
import org.exposure.assessor.domain.Subject;
import org.exposure.assessor.domain.SupplierSubject;
import org.exposure.assessor.rules.RuleEngine;
import org.exposure.assessor.rules.RulesetFiles;

/**
 * In-process rule evaluation, one thread, no HTTP and no database: subjects per second for each kind.
 * Not a test (no assertions, not run by the build). Run from the project root after `mvn test-compile`:
 *
 *   java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
 *       -cp target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *       org.exposure.assessor.bench.EngineBench [seconds-per-kind]
 */
public final class EngineBench {
    private static final String[] CHPL = {"854231", "854232", "851762", "853224", "848210", "848220", "901380", "847180", "845961", "903020"};
    private static final String[] OTHER = {"610910", "940360", "870899", "300490", "847130", "392690"};
    private static final String[] DEST = {"KZ", "RU", "DE", "TR", "AE", "US", "HK", "BY", "KG", "FR"};

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        // Outside Quarkus nothing configures logging, and Drools' trace logging (fact toString on every insert)
        // would be measured instead of the rules; the service logs Drools at WARN.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        java.util.logging.Logger.getLogger("org.drools").setLevel(java.util.logging.Level.WARNING);
        RuleEngine engine = RuleEngine.load(RulesetFiles.fromDirectory(Path.of("rules")));
        Random r = new Random(7);
        List<Subject> goods = new ArrayList<>();
        List<Subject> suppliers = new ArrayList<>();
        List<Subject> banks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            goods.add(goods(r));
            suppliers.add(supplier(r, i));
            banks.add(bank(r, i));
        }
        System.out.printf("ruleset %s, %d rules, one thread%n", engine.version(), engine.rules().size());
        run("GOODS", engine, goods, seconds);
        run("SUPPLIER (3 exports, 2 owners)", engine, suppliers, seconds);
        run("BANK (3 payments, 2 correspondents)", engine, banks, seconds);
    }

    private static void run(String label, RuleEngine engine, List<Subject> subjects, int seconds) {
        long warmupEnd = System.nanoTime() + 3_000_000_000L;
        int i = 0;
        long findings = 0;
        while (System.nanoTime() < warmupEnd) {
            findings += engine.evaluate(subjects.get(i++ % subjects.size())).size();
        }
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long n = 0;
        while (System.nanoTime() < end) {
            findings += engine.evaluate(subjects.get((int) (n++ % subjects.size()))).size();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-38s %,10.0f subjects/s  (%.1f µs each; %d findings seen)%n", label, n / elapsed, elapsed * 1e6 / n, findings);
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static GoodsSubject goods(Random r) {
        String hs = r.nextBoolean() ? pick(r, CHPL) : pick(r, OTHER);
        Party endUser = r.nextInt(3) == 0 ? new Party("End User", pick(r, DEST), null, false) : null;
        return new GoodsSubject(null, null, List.of(), "CN", null, hs, r.nextInt(10) == 0 ? "3A001" : null, null, "CN",
                pick(r, DEST), null, endUser, r.nextBoolean());
    }

    private static SupplierSubject supplier(Random r, int i) {
        List<Export> exports = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            exports.add(new Export(pick(r, CHPL), null, pick(r, DEST), null,
                    new Consignee("Consignee " + e, "KZ", null, r.nextBoolean() ? ConsigneeKind.FREIGHT_FORWARDER : ConsigneeKind.MANUFACTURER, false),
                    r.nextBoolean() ? "Suifenhe" : null, BigDecimal.valueOf(1000 + r.nextInt(100000)), r.nextBoolean(), r.nextBoolean()));
        }
        List<Owner> owners = List.of(new Owner("Owner A", "RU", new BigDecimal("30"), r.nextBoolean(), List.of()),
                new Owner("Owner B", "CY", new BigDecimal("40"), null,
                        List.of(new Owner("Owner C", "RU", new BigDecimal("60"), r.nextBoolean(), List.of()))));
        return new SupplierSubject(null, "Supplier " + i, List.of(), "HK", null, LocalDate.of(2023, 3, 1),
                r.nextBoolean() ? "https://s.example" : null, r.nextBoolean(), List.of("85"), owners, exports);
    }

    private static BankSubject bank(Random r, int i) {
        List<Payment> payments = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            payments.add(new Payment(new Party("OOO Vostok " + p, pick(r, DEST), null, r.nextInt(10) == 0), List.of(pick(r, CHPL)),
                    pick(r, DEST), BigDecimal.valueOf(50000), LocalDate.of(2024, 6, 1)));
        }
        List<Correspondent> correspondents = List.of(new Correspondent("Corr 1", "RU", "VTBRRUMM", r.nextInt(5) == 0),
                new Correspondent("Corr 2", "DE", null, false));
        return new BankSubject(null, "Regional Bank " + i, List.of(), "CN", "Heilongjiang", Exposure.LOW, r.nextBoolean(),
                r.nextBoolean(), new BigDecimal("0.2"), correspondents, payments);
    }
}
