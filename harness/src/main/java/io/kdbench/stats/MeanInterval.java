package io.kdbench.stats;

/**
 * The one interval of a mean over seeds that the report's tables and charts show: the 95% Student t interval of the
 * mean, cut at the metric's {@link Bounds}. The true mean of a metric in [0, 1] lies in [0, 1], so cutting the t
 * interval there leaves its coverage unchanged while it can no longer claim impossible values (a t interval on 3
 * seeds of Dice 0.2, 0.5, 0.9 reaches below 0). A percentile bootstrap was not chosen: on 3 seeds it has only 10
 * distinct resampled means and covers far less than 95%; a logit transform is undefined at values of exactly 0
 * or 1, which Dice and accuracy reach.
 */
public final class MeanInterval {
    public static final double LEVEL = 0.95;

    private MeanInterval() {
    }

    /** The interval of the values' mean (NaN ends below two values), inside {@code bounds}. */
    public static Interval of(Summary summary, Bounds bounds) {
        Interval t = summary.tInterval(LEVEL);
        return new Interval(bounds.clamp(t.lower()), bounds.clamp(t.upper()), t.level());
    }

    /** Whether the cut changed the t interval, for captions that say so. */
    public static boolean cut(Summary summary, Bounds bounds) {
        Interval t = summary.tInterval(LEVEL);
        return t.lower() < bounds.lower() || t.upper() > bounds.upper();
    }

    /** For captions: which interval this is, for a metric with these bounds. */
    public static String describe(Bounds bounds) {
        return bounds.bounded()
                ? "95% Student t interval of the mean over seeds, cut at the metric's range " + bounds
                : "95% Student t interval of the mean over seeds";
    }
}
