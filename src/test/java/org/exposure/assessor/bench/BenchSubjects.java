package org.exposure.assessor.bench;

import java.math.BigDecimal;
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
import org.exposure.assessor.domain.SupplierSubject;

/**
 * The subjects the in-process benchmarks evaluate ({@link EngineBench}, {@link EngineJmh}): a mix of CHPL and
 * other codes to restricted, transshipment and other destinations. The same seed gives the same subjects, so the
 * numbers of the two harnesses are about the same work.
 */
final class BenchSubjects {
    private static final String[] CHPL = {"854231", "854232", "851762", "853224", "848210", "848220", "901380", "847180", "845961", "903020"};
    private static final String[] OTHER = {"610910", "940360", "870899", "300490", "847130", "392690"};
    private static final String[] DEST = {"KZ", "RU", "DE", "TR", "AE", "US", "HK", "BY", "KG", "FR"};

    private BenchSubjects() {
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    /** Half CHPL codes; an end user one time in three, a dual-use entry one time in ten. */
    static GoodsSubject goods(Random r) {
        String hs = r.nextBoolean() ? pick(r, CHPL) : pick(r, OTHER);
        Party endUser = r.nextInt(3) == 0 ? new Party("End User", pick(r, DEST), null, false) : null;
        return new GoodsSubject(null, null, List.of(), "CN", null, hs, r.nextInt(10) == 0 ? "3A001" : null, null, "CN",
                pick(r, DEST), null, endUser, r.nextBoolean());
    }

    /** A Hong Kong supplier incorporated in 2023 with three CHPL exports and two owners (one of them nested). */
    static SupplierSubject supplier(Random r, int i) {
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

    /** A low-exposure Heilongjiang bank with three payments for CHPL goods and two correspondents. */
    static BankSubject bank(Random r, int i) {
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

    /**
     * Outside Quarkus nothing configures logging, and Drools' trace logging (fact toString on every insert) would
     * be measured instead of the rules; the service logs Drools at WARN.
     */
    static void quietDrools() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        java.util.logging.Logger.getLogger("org.drools").setLevel(java.util.logging.Level.WARNING);
    }
}
