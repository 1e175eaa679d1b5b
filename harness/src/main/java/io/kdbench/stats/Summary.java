package io.kdbench.stats;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Mean, sample standard deviation (n - 1) and confidence intervals of a set of values, e.g. one method's score
 * over seeds. NaN values (undefined cases) are not used but counted in {@link #missing()}.
 *
 * @param n       values used
 * @param missing NaN values left out
 */
public record Summary(double mean, double sd, int n, int missing, double[] values) {

    public static Summary of(double[] values) {
        double[] used = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        int n = used.length;
        double mean = n == 0 ? Double.NaN : Arrays.stream(used).sum() / n;
        double ss = 0;
        for (double v : used) {
            ss += (v - mean) * (v - mean);
        }
        double sd = n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));
        return new Summary(mean, sd, n, values.length - n, used);
    }

    public Summary {
        values = values.clone();
    }

    /** Student t interval of the mean: mean +- t(1 - (1-level)/2, n-1) sd / sqrt(n). */
    public Interval tInterval(double level) {
        checkLevel(level);
        if (n < 2) {
            return new Interval(Double.NaN, Double.NaN, level);
        }
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        double half = t * sd / Math.sqrt(n);
        return new Interval(mean - half, mean + half, level);
    }

    /**
     * Percentile bootstrap interval of the mean: {@code resamples} means of n values drawn with replacement
     * (a {@link SplittableRandom} with the given seed, so the interval is reproducible), cut at (1-level)/2 and
     * 1-(1-level)/2 with linear interpolation.
     */
    public Interval bootstrapInterval(double level, int resamples, long seed) {
        checkLevel(level);
        if (n < 2) {
            return new Interval(Double.NaN, Double.NaN, level);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Arrays.sort(means);
        double tail = (1 - level) / 2 * 100;
        return new Interval(Percentiles.linear(means, tail), Percentiles.linear(means, 100 - tail), level);
    }

    private static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
    }
}
