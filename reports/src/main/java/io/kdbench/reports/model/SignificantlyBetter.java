package io.kdbench.reports.model;

import io.kdbench.stats.PairedComparison;
import io.kdbench.stats.Summary;

/**
 * Whether the leader is significantly better than the runner-up: a two-sided paired t-test over the seeds both
 * share, at level 0.05. The t-test, not Wilcoxon, because with the usual 3 to 5 seeds the smallest exact Wilcoxon
 * p-value (0.25 for 3 pairs, 0.0625 for 5) can never reach 0.05.
 */
final class SignificantlyBetter {
    static final double ALPHA = 0.05;

    private SignificantlyBetter() {
    }

    /**
     * @param leader   per-seed values of the leader
     * @param runnerUp per-seed values of the runner-up, paired with {@code leader} by index
     */
    static boolean test(double[] leader, double[] runnerUp, boolean higherIsBetter) {
        if (leader.length < 2) {
            return false;
        }
        double[] d = new double[leader.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = higherIsBetter ? leader[i] - runnerUp[i] : runnerUp[i] - leader[i];
        }
        Summary s = Summary.of(d);
        if (s.sd() == 0) {
            // the same difference on every seed: t is infinite, so the sign alone decides
            return s.mean() > 0;
        }
        PairedComparison c = PairedComparison.of(leader, runnerUp);
        double gain = higherIsBetter ? c.meanDifference() : -c.meanDifference();
        return gain > 0 && c.tPValue() < ALPHA;
    }
}
