package org.exposure.assessor.match;

/**
 * A normalised name ready for comparison: its tokens, folded tokens, weights and rarities, and in an index the
 * tokens' dictionary ids (null elsewhere). Computed once per name so that comparing it with many others does not
 * repeat the per-token work.
 */
final class NameSide {
    final String[] tokens;
    final String[] folded;
    final double[] weight;
    final double[] rarity;
    final int[] ids;
    final boolean[] unseen;
    final boolean[] digit;
    /** Per token, its id in the {@link Nicknames} table, or -1. */
    final int[] nickname;
    /** Whether any token is in the {@link Nicknames} table. */
    final boolean hasNickname;
    final boolean abjad;
    /** Whether the name was written in another script than Latin, so its tokens are a reading of it. */
    final boolean read;
    final double totalWeight;
    final boolean hasDigits;
    final NormalizedName name;

    NameSide(NormalizedName n, double[] weight, double[] rarity, int[] ids, boolean[] unseen) {
        this.name = n;
        this.unseen = unseen;
        this.tokens = n.tokens().toArray(String[]::new);
        this.folded = n.folded().toArray(String[]::new);
        this.weight = weight;
        this.rarity = rarity;
        this.ids = ids;
        this.abjad = n.abjad();
        ScriptReadings.Scripts sc = ScriptReadings.scripts(n.original());
        this.read = sc.han || sc.kana || sc.hangul || sc.cyrillic || sc.hebrew || sc.other;
        double t = 0;
        boolean digits = false;
        this.digit = new boolean[tokens.length];
        this.nickname = new int[tokens.length];
        boolean nick = false;
        Nicknames nicknames = Nicknames.get();
        for (int i = 0; i < tokens.length; i++) {
            t += weight[i];
            digit[i] = TokenSimilarity.hasDigit(tokens[i]);
            digits |= digit[i];
            nickname[i] = nicknames.id(tokens[i]);
            nick |= nickname[i] >= 0;
        }
        this.hasNickname = nick;
        this.totalWeight = t;
        this.hasDigits = digits;
    }

    static NameSide of(NormalizedName n, TokenStats stats) {
        int k = n.tokens().size();
        double[] w = new double[k];
        double[] r = new double[k];
        boolean[] u = new boolean[k];
        for (int i = 0; i < k; i++) {
            int df = stats.documentFrequency(n.tokens().get(i));
            w[i] = stats.weightOf(df);
            r[i] = stats.rarityOf(df);
            u[i] = df == 0 && stats.names() > 1;
        }
        return new NameSide(n, w, r, null, u);
    }

    /** Whether no name of the index holds token {@code i} (a misspelling, or a name the lists do not know). */
    boolean unseen(int i) {
        return unseen != null && unseen[i];
    }

    int size() {
        return tokens.length;
    }
}
