package io.kdbench.metrics.surface;

/**
 * How a percentile Hausdorff distance combines the two directed distance sets (prior-art.md section 2.2). Both
 * take the percentile with linear interpolation (numpy's and torch's default).
 */
public enum PercentileConvention {
    /** MONAI {@code HausdorffDistanceMetric}: the larger of the two directed percentiles. */
    MONAI,
    /** medpy {@code hd95}: one percentile of both directed sets pooled. */
    MEDPY;

    public String id() {
        return name().toLowerCase();
    }

    public static PercentileConvention parse(String s) {
        for (PercentileConvention c : values()) {
            if (c.id().equals(s)) {
                return c;
            }
        }
        throw new IllegalArgumentException("HD95 convention must be one of monai, medpy; got '" + s + "'");
    }
}
