package io.kdbench.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Ranks 1..n with ties given the average of the ranks they span. */
public final class Ranks {
    private Ranks() {
    }

    /**
     * @param higherIsBetter true when the largest value should get rank 1 (Dice, AUROC); false for distances
     */
    public static double[] average(double[] values, boolean higherIsBetter) {
        int n = values.length;
        for (double v : values) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("cannot rank NaN values: " + Arrays.toString(values));
            }
        }
        Comparator<Integer> order = Comparator.comparingDouble(i -> values[i]);
        Integer[] idx = IntStream.range(0, n).boxed().sorted(higherIsBetter ? order.reversed() : order)
                .toArray(Integer[]::new);
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[idx[j + 1]] == values[idx[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[idx[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }
}
