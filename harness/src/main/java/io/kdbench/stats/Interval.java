package io.kdbench.stats;

/** A two-sided confidence interval; both ends NaN when it cannot be computed (e.g. fewer than two values). */
public record Interval(double lower, double upper, double level) {
    public boolean contains(double v) {
        return v >= lower && v <= upper;
    }
}
