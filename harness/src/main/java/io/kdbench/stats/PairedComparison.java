package io.kdbench.stats;

import org.apache.commons.statistics.inference.TTest;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

import java.util.Arrays;

/**
 * A method against a baseline on paired values (same seeds, or same cases): paired t-test, Wilcoxon
 * signed-rank test (Commons Statistics: exact p-value for fewer than 50 pairs without ties or zero differences,
 * otherwise the normal approximation; zero differences are dropped before ranking, Wilcox's method as in R and
 * SciPy, where Commons Statistics alone would rank them), and two effect
 * sizes: Cohen's d_z = mean(d) / sd(d) and the matched-pairs rank-biserial correlation (W+ - W-) / (W+ + W-).
 * All p-values are two-sided. Differences are method - baseline.
 */
public record PairedComparison(int n, double meanDifference, double t, double tPValue, double wilcoxonW,
                               double wilcoxonPValue, double cohensDz, double rankBiserial) {

    public static PairedComparison of(double[] method, double[] baseline) {
        if (method.length != baseline.length) {
            throw new IllegalArgumentException(method.length + " values paired with " + baseline.length);
        }
        int n = method.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(method[i]) || !Double.isFinite(baseline[i])) {
                throw new IllegalArgumentException("pair " + i + " is not finite: " + method[i] + ", " + baseline[i]);
            }
            d[i] = method[i] - baseline[i];
        }
        if (n < 2) {
            throw new IllegalArgumentException("a paired comparison needs at least 2 pairs, got " + n);
        }
        Summary s = Summary.of(d);
        TTest.Result t = TTest.withDefaults().pairedTest(method, baseline);
        double w = Double.NaN;
        double wp = Double.NaN;
        double[] nonZero = Arrays.stream(d).filter(v -> v != 0).toArray();
        if (nonZero.length > 0) {
            // Wilcox's zero method (R's wilcox.test, SciPy's default): zero differences leave before ranking
            WilcoxonSignedRankTest.Result r = WilcoxonSignedRankTest.withDefaults().test(nonZero);
            w = r.getStatistic();
            wp = r.getPValue();
        }
        return new PairedComparison(n, s.mean(), t.getStatistic(), t.getPValue(), w, wp, s.mean() / s.sd(),
                rankBiserial(d));
    }

    /** (W+ - W-) / (W+ + W-) over the non-zero differences ranked by magnitude; NaN if all are zero. */
    static double rankBiserial(double[] d) {
        double[] nonZero = Arrays.stream(d).filter(v -> v != 0).toArray();
        if (nonZero.length == 0) {
            return Double.NaN;
        }
        double[] ranks = Ranks.average(Arrays.stream(nonZero).map(Math::abs).toArray(), false);
        double plus = 0;
        double minus = 0;
        for (int i = 0; i < nonZero.length; i++) {
            if (nonZero[i] > 0) {
                plus += ranks[i];
            } else {
                minus += ranks[i];
            }
        }
        return (plus - minus) / (plus + minus);
    }
}
