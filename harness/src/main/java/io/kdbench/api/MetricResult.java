package io.kdbench.api;

import java.util.Map;

/**
 * A metric's values for one cell.
 *
 * @param metric    metric id, with its convention
 * @param aggregate per class name (and "mean" over foreground classes, or the overall value) the aggregate
 * @param perCase   case id to (class name to value); empty for metrics defined only over a whole set (AUROC)
 * @param note      why a value is NaN or how it was averaged, empty if nothing to say
 */
public record MetricResult(String metric, Map<String, Aggregate> aggregate,
                           Map<String, Map<String, Double>> perCase, String note) {

    /** The headline value shown on the leaderboard. */
    public static final String OVERALL = "mean";

    /**
     * @param value      the mean over valid cases (or the set-level value)
     * @param nValid     cases that gave a defined value
     * @param nPenalised cases given a penalty value under {@link EmptyPolicy#PENALTY}
     * @param nCases     all cases
     */
    public record Aggregate(double value, int nValid, int nPenalised, int nCases) {
    }

    public double overall() {
        Aggregate a = aggregate.get(OVERALL);
        return a == null ? Double.NaN : a.value();
    }
}
