package org.exposure.assessor.rules;

/** A China-Russia land border crossing of the reference list. */
public record BorderCrossing(String province, String chineseSide, String russianSide) {
    public String label() {
        return chineseSide + "–" + russianSide + " (" + province + ")";
    }
}
