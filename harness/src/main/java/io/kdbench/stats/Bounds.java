package io.kdbench.stats;

import java.util.Locale;

/**
 * The values a metric can take: {@code [lower, upper]}, either end infinite when the metric is unbounded there.
 * Dice, AUROC and accuracy are {@link #UNIT}; distances such as HD95 are {@link #NON_NEGATIVE}.
 */
public record Bounds(double lower, double upper) {
    public static final Bounds UNIT = new Bounds(0, 1);
    public static final Bounds NON_NEGATIVE = new Bounds(0, Double.POSITIVE_INFINITY);
    public static final Bounds NONE = new Bounds(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public Bounds {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("bounds need lower <= upper, got [" + lower + ", " + upper + "]");
        }
    }

    public boolean bounded() {
        return Double.isFinite(lower) || Double.isFinite(upper);
    }

    public boolean contains(double v) {
        return v >= lower && v <= upper;
    }

    /** The value moved to the nearest end if it lies outside; NaN stays NaN. */
    public double clamp(double v) {
        return Double.isNaN(v) ? v : Math.max(lower, Math.min(upper, v));
    }

    /** "[0, 1]", "[0, ∞)", "(-∞, ∞)". */
    @Override
    public String toString() {
        return (Double.isFinite(lower) ? "[" + num(lower) : "(-∞") + ", " + (Double.isFinite(upper) ? num(upper) + "]" : "∞)");
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%g", v);
    }
}
