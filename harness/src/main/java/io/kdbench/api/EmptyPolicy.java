package io.kdbench.api;

/**
 * What a segmentation metric gives when a prediction or ground truth is empty for a class.
 * NAN: undefined values are NaN and excluded from means (which carry n_valid).
 * PENALTY: worst or best values by rule (see docs/metrics.md, "Empty masks"); means carry n_penalised.
 */
public enum EmptyPolicy {
    NAN, PENALTY;

    public String id() {
        return name().toLowerCase();
    }

    public static EmptyPolicy parse(String s) {
        for (EmptyPolicy p : values()) {
            if (p.id().equals(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException("empty policy must be one of nan, penalty; got '" + s + "'");
    }
}
