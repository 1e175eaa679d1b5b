package io.kdbench.api;

/**
 * Range checks for {@link Parameterised#validate}: each throws an IllegalArgumentException naming the parameter,
 * the expected range and the value found, e.g. "steps must be >= 1, got 0".
 */
public final class ParamChecks {
    private ParamChecks() {
    }

    /** Integer parameters that must be at least {@code min}. */
    public static void atLeast(Params p, int min, String... keys) {
        for (String key : keys) {
            int v = p.getInt(key);
            if (v < min) {
                throw new IllegalArgumentException(key + " must be >= " + min + ", got " + v);
            }
        }
    }

    /** Number parameters that must be at least 0. */
    public static void nonNegative(Params p, String... keys) {
        for (String key : keys) {
            double v = p.getDouble(key);
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(key + " must be a finite number >= 0, got " + v);
            }
        }
    }

    /** Number parameters that must be above 0. */
    public static void positive(Params p, String... keys) {
        for (String key : keys) {
            double v = p.getDouble(key);
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(key + " must be a finite number > 0, got " + v);
            }
        }
    }

    /** Number parameters that must lie in [0, 1]. */
    public static void fraction(Params p, String... keys) {
        for (String key : keys) {
            double v = p.getDouble(key);
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException(key + " must be in [0, 1], got " + v);
            }
        }
    }
}
