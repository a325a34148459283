package org.exposure.assessor.domain;

/** What a consignee does; the red flags single out intermediaries that hide the real end user. */
public enum ConsigneeKind {
    END_USER, MANUFACTURER, DISTRIBUTOR, TRADING_COMPANY, FREIGHT_FORWARDER, LOGISTICS_COMPANY, OTHER;

    public boolean isIntermediary() {
        return this == TRADING_COMPANY || this == FREIGHT_FORWARDER || this == LOGISTICS_COMPANY;
    }
}
