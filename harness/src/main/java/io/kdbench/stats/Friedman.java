package io.kdbench.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;

/**
 * Friedman test of k methods over N datasets, with the Iman-Davenport F correction and the Nemenyi critical
 * difference, following Demšar, "Statistical Comparisons of Classifiers over Multiple Data Sets", JMLR 7 (2006):
 * chi2_F = 12N / (k(k+1)) [sum_j R_j^2 - k(k+1)^2 / 4], F_F = (N-1) chi2_F / (N(k-1) - chi2_F),
 * CD = q_alpha sqrt(k(k+1) / (6N)). Ties within a dataset get average ranks (no tie correction of chi2_F).
 *
 * @param ranks        [dataset][method] rank of each method on each dataset (1 = best); empty if built from
 *                     average ranks
 * @param averageRanks per method
 * @param datasets     N
 */
public record Friedman(double[][] ranks, double[] averageRanks, int datasets, double chiSquare,
                       double chiSquarePValue, double imanDavenportF, double imanDavenportPValue) {

    /** Demšar 2006, Table 5(a): two-tailed Nemenyi q for k = 2..10 at alpha 0.05 and 0.10. */
    private static final double[] Q_05 = {1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164};
    private static final double[] Q_10 = {1.645, 2.052, 2.291, 2.459, 2.589, 2.693, 2.780, 2.855, 2.920};

    /**
     * @param scores         [dataset][method] one value per method per dataset (e.g. the mean over seeds)
     * @param higherIsBetter whether the largest score ranks first
     */
    public static Friedman of(double[][] scores, boolean higherIsBetter) {
        int n = scores.length;
        if (n < 2) {
            throw new IllegalArgumentException("the Friedman test needs at least 2 datasets, got " + n);
        }
        int k = scores[0].length;
        double[][] ranks = new double[n][];
        double[] avg = new double[k];
        for (int i = 0; i < n; i++) {
            if (scores[i].length != k) {
                throw new IllegalArgumentException("dataset " + i + " has " + scores[i].length + " methods, not " + k);
            }
            ranks[i] = Ranks.average(scores[i], higherIsBetter);
            for (int j = 0; j < k; j++) {
                avg[j] += ranks[i][j] / n;
            }
        }
        return build(ranks, avg, n);
    }

    /** The test from published average ranks, e.g. to check against a paper. */
    public static Friedman fromAverageRanks(double[] averageRanks, int datasets) {
        return build(new double[0][], averageRanks.clone(), datasets);
    }

    private static Friedman build(double[][] ranks, double[] avg, int n) {
        int k = avg.length;
        if (k < 2) {
            throw new IllegalArgumentException("the Friedman test needs at least 2 methods, got " + k);
        }
        double sumSq = 0;
        for (double r : avg) {
            sumSq += r * r;
        }
        double chi = 12.0 * n / (k * (k + 1.0)) * (sumSq - k * (k + 1.0) * (k + 1.0) / 4);
        double chiP = 1 - new ChiSquaredDistribution(null, k - 1).cumulativeProbability(chi);
        double df2 = (k - 1.0) * (n - 1.0);
        double f = (n - 1) * chi / (n * (k - 1.0) - chi);
        double fP = Double.isFinite(f) && f >= 0
                ? 1 - new FDistribution(null, k - 1.0, df2).cumulativeProbability(f) : Double.NaN;
        return new Friedman(ranks, avg, n, chi, chiP, f, fP);
    }

    /** Nemenyi critical difference of average ranks at alpha 0.05 or 0.10; k must be 2..10. */
    public double criticalDifference(double alpha) {
        int k = averageRanks.length;
        if (k > 10) {
            throw new IllegalArgumentException("the q table covers 2..10 methods, got " + k);
        }
        double[] table = alpha == 0.05 ? Q_05 : alpha == 0.10 ? Q_10 : null;
        if (table == null) {
            throw new IllegalArgumentException("alpha must be 0.05 or 0.10, got " + alpha);
        }
        return table[k - 2] * Math.sqrt(k * (k + 1.0) / (6.0 * datasets));
    }
}
