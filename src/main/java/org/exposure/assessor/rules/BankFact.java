package org.exposure.assessor.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.domain.BankSubject;
import org.exposure.assessor.domain.Exposure;

/** The bank itself, as the FFI rules see it; its correspondents and payments are facts of their own. */
public final class BankFact {
    private final BankSubject bank;
    private final ChannelRegion channelRegion;
    private final boolean regionalChannelCountry;
    private final BigDecimal russiaShareThreshold;
    private final boolean russiaRelatedPayments;
    private final List<String> russiaRelatedPaymentPaths;
    private final String countryLabel;

    BankFact(BankSubject bank, List<PaymentFact> payments, ReferenceData ref) {
        this.bank = bank;
        this.channelRegion = ref.channelRegion(bank.country(), bank.region()).orElse(null);
        this.regionalChannelCountry = bank.country() != null
                && ref.codes(Parameters.REGIONAL_CHANNEL_COUNTRIES).contains(bank.country());
        this.russiaShareThreshold = ref.decimal(Parameters.RUSSIA_SHARE);
        this.russiaRelatedPaymentPaths = payments.stream().filter(PaymentFact::isRussiaRelated).map(PaymentFact::getPath).toList();
        this.russiaRelatedPayments = !russiaRelatedPaymentPaths.isEmpty();
        this.countryLabel = bank.country() == null ? "an undeclared country" : ref.countryLabel(bank.country());
    }

    public String getName() {
        return bank.name();
    }

    public String getCountry() {
        return bank.country();
    }

    public String getCountryLabel() {
        return countryLabel;
    }

    public String getRegion() {
        return bank.region();
    }

    public Exposure getInternationalExposure() {
        return bank.internationalExposure();
    }

    public boolean isLowExposure() {
        return bank.internationalExposure() == Exposure.LOW;
    }

    public boolean isUsCorrespondentAccess() {
        return Boolean.TRUE.equals(bank.usCorrespondentAccess());
    }

    public boolean isConnectedToSpfs() {
        return Boolean.TRUE.equals(bank.connectedToSpfs());
    }

    public BigDecimal getRussiaPaymentShare() {
        return bank.russiaPaymentShare();
    }

    /** Parameter ffi.russia-share.threshold (default 0.10). */
    public BigDecimal getRussiaShareThreshold() {
        return russiaShareThreshold;
    }

    public boolean isRussiaShareAboveThreshold() {
        return bank.russiaPaymentShare() != null && bank.russiaPaymentShare().compareTo(russiaShareThreshold) > 0;
    }

    /** The Chinese region of the regional-bank channel the bank sits in (Heilongjiang, Liaoning, ...), or null. */
    public String getChannelRegion() {
        return channelRegion == null ? null : channelRegion.name();
    }

    /** The channel region the bank sits in when it borders Russia (Heilongjiang, not Liaoning), or null. */
    public String getBorderingRegion() {
        return channelRegion != null && channelRegion.bordersRussia() ? channelRegion.name() : null;
    }

    /** Located in a Central Asian transshipment country (parameter ffi.regional-channel.countries). */
    public boolean isRegionalChannelCountry() {
        return regionalChannelCountry;
    }

    /** Handles Russia-related payments: some share declared, or a payment to or from Russia or Belarus. */
    public boolean isRussiaBusiness() {
        return russiaRelatedPayments
                || (bank.russiaPaymentShare() != null && bank.russiaPaymentShare().signum() > 0);
    }

    /** The paths (payments[i]) of the payments that go to Russia or Belarus or are with a party there. */
    public List<String> getRussiaRelatedPaymentPaths() {
        return russiaRelatedPaymentPaths;
    }

    public Map<String, Object> evidence() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("path", "subject");
        e.put("name", bank.name());
        if (bank.country() != null) {
            e.put("country", bank.country());
        }
        if (bank.region() != null) {
            e.put("region", bank.region());
        }
        if (channelRegion != null) {
            e.put("channelRegion", channelRegion.name());
            if (channelRegion.bordersRussia()) {
                e.put("russiaBorderingRegion", channelRegion.name());
            }
        }
        if (bank.internationalExposure() != null) {
            e.put("internationalExposure", bank.internationalExposure().name());
        }
        if (bank.usCorrespondentAccess() != null) {
            e.put("usCorrespondentAccess", bank.usCorrespondentAccess());
        }
        if (bank.connectedToSpfs() != null) {
            e.put("connectedToSpfs", bank.connectedToSpfs());
        }
        if (bank.russiaPaymentShare() != null) {
            e.put("russiaPaymentShare", bank.russiaPaymentShare());
            e.put("russiaShareThreshold", russiaShareThreshold);
        }
        return e;
    }
}
