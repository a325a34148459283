package org.exposure.assessor.testsupport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.exposure.assessor.domain.BankSubject;
import org.exposure.assessor.domain.Correspondent;
import org.exposure.assessor.domain.Exposure;
import org.exposure.assessor.domain.Payment;

/** A bank with nothing alarming unless changed: CN/Guangdong, HIGH exposure, no US access given, no SPFS, no payments. */
public final class BankBuilder implements SubjectBuilder {
    private String ref = "b-1";
    private String name = "Test Bank";
    private String country = "CN";
    private String region = "Guangdong";
    private Exposure exposure = Exposure.HIGH;
    private Boolean usAccess;
    private Boolean spfs = false;
    private BigDecimal share;
    private final List<Correspondent> correspondents = new ArrayList<>();
    private final List<Payment> payments = new ArrayList<>();

    private BankBuilder() {
    }

    public static BankBuilder bank() {
        return new BankBuilder();
    }

    public BankBuilder ref(String r) { ref = r; return this; }
    public BankBuilder name(String n) { name = n; return this; }
    public BankBuilder in(String c, String r) { country = c; region = r; return this; }
    public BankBuilder exposure(Exposure e) { exposure = e; return this; }
    public BankBuilder usAccess(Boolean b) { usAccess = b; return this; }
    public BankBuilder spfs(Boolean b) { spfs = b; return this; }
    public BankBuilder share(String s) { share = s == null ? null : new BigDecimal(s); return this; }
    public BankBuilder pay(Payment p) { payments.add(p); return this; }
    public BankBuilder correspondent(Correspondent c) { correspondents.add(c); return this; }

    @Override
    public BankSubject build() {
        return new BankSubject(ref, name, List.of(), country, region, exposure, usAccess, spfs, share,
                List.copyOf(correspondents), List.copyOf(payments));
    }
}
