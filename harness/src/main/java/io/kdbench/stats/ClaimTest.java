package io.kdbench.stats;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.Arrays;

/**
 * The paired test of one claim over seeds. Each seed gives d = row - against, signed so that positive means the row is
 * better (flipped for lower-is-better metrics such as HD95); the claim holds where the mean of d lies above its
 * boundary b: 0 for "better", -margin for "not worse".
 * <ul>
 * <li>the 95% Student t interval of mean(d) ({@link Summary#tInterval});</li>
 * <li>p: the two-sided paired t-test of mean(d) = b ({@link PairedComparison}); p &lt; 0.05 exactly when the interval
 *     leaves b out, so for "not worse" it is the interval rule "lower end above -margin / upper end below -margin";</li>
 * <li>the minimum detectable effect at these seeds, two-sided alpha 0.05, power 0.8:
 *     MDE = (t(1 - alpha/2, n-1) + t(power, n-1)) sd(d) / sqrt(n), the smallest distance of the true mean from b that
 *     this many seeds would find 80% of the time.</li>
 * </ul>
 * The verdict takes p after Holm's adjustment over the file's tested claims ({@link #verdict}).
 *
 * @param n              paired seeds
 * @param meanDifference mean of d
 * @param interval       95% t interval of mean(d), not adjusted
 * @param boundary       b
 * @param pValue         two-sided p of mean(d) = b, not adjusted
 */
public record ClaimTest(int n, double meanDifference, Interval interval, double boundary, double pValue,
                        double minimumDetectableEffect) {
    public static final double ALPHA = 0.05;
    public static final double POWER = 0.8;

    /** @throws IllegalArgumentException below two pairs, or for a value that is not finite */
    public static ClaimTest of(double[] d, double boundary) {
        if (d.length < 2) {
            throw new IllegalArgumentException("a paired test needs at least 2 seeds, got " + d.length);
        }
        Summary s = Summary.of(d);
        double p;
        if (s.sd() == 0) {
            // every seed gives the same d: t is infinite (or 0/0), so the side of the boundary alone decides
            p = s.mean() == boundary ? 1 : 0;
        } else {
            double[] b = new double[d.length];
            Arrays.fill(b, boundary);
            p = PairedComparison.of(d, b).tPValue();
        }
        return new ClaimTest(d.length, s.mean(), s.tInterval(1 - ALPHA), boundary, p,
                minimumDetectableEffect(s.sd(), d.length));
    }

    /** (t(1 - alpha/2, n-1) + t(power, n-1)) sd / sqrt(n): paired t, two-sided alpha 0.05, power 0.8. */
    public static double minimumDetectableEffect(double sd, int n) {
        TDistribution t = new TDistribution(null, n - 1);
        return (t.inverseCumulativeProbability(1 - ALPHA / 2) + t.inverseCumulativeProbability(POWER)) * sd / Math.sqrt(n);
    }

    /**
     * Reproduced if the adjusted p is below alpha and mean(d) lies above the boundary; contradicted if it is below alpha
     * and mean(d) lies below; inconclusive otherwise.
     */
    public ClaimVerdict verdict(double adjustedP) {
        if (!(adjustedP < ALPHA)) {
            return ClaimVerdict.INCONCLUSIVE;
        }
        return meanDifference > boundary ? ClaimVerdict.REPRODUCED : ClaimVerdict.CONTRADICTED;
    }
}
