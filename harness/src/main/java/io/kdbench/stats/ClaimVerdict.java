package io.kdbench.stats;

import java.util.Locale;

/**
 * What the stored cells say of a paper's claim. {@link #NOT_EVIDENCE}: a row the claim compares did not learn on some
 * seed, so its numbers speak neither for nor against the claim.
 */
public enum ClaimVerdict {
    REPRODUCED, CONTRADICTED, INCONCLUSIVE, NOT_EVIDENCE;

    /** "reproduced", "not evidence", ... as tables and claims.csv write it. */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * A claim of fewer deployed parameters, decided by the counts (deterministic, no test): reproduced if the row has
     * fewer than the other, and at most {@code atMostFraction} of them when that is given (not NaN).
     */
    public static ClaimVerdict fewerParameters(long row, long against, double atMostFraction) {
        boolean fewer = row < against && (Double.isNaN(atMostFraction) || row <= atMostFraction * against);
        return fewer ? REPRODUCED : CONTRADICTED;
    }
}
