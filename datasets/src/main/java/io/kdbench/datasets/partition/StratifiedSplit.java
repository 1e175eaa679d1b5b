package io.kdbench.datasets.partition;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Splits n items into parts of exact sizes, each stratum (e.g. class) spread over the parts in proportion.
 * Items are shuffled by the seed, ordered by stratum, and dealt out in that order to whichever part is
 * furthest behind its share; so every stratum, being a contiguous run, is split within one item of its
 * proportional share, and the part sizes come out exact.
 */
public final class StratifiedSplit {
    private StratifiedSplit() {
    }

    /** The part (0..counts.length-1) of each item. {@code counts} must sum to {@code strata.length}. */
    public static int[] assign(int[] strata, int[] counts, long seed) {
        int n = strata.length;
        if (IntStream.of(counts).sum() != n || IntStream.of(counts).anyMatch(c -> c < 0)) {
            throw new IllegalArgumentException("part sizes " + Arrays.toString(counts) + " must be >= 0 and sum to " + n);
        }
        Integer[] order = shuffled(n, seed);
        Arrays.sort(order, Comparator.comparingInt(i -> strata[i])); // stable: keeps the shuffle within a stratum
        int[] part = new int[n];
        long[] assigned = new long[counts.length];
        for (int j = 0; j < n; j++) {
            int best = -1;
            long bestDeficit = Long.MIN_VALUE;
            for (int p = 0; p < counts.length; p++) {
                if (assigned[p] == counts[p]) {
                    continue;
                }
                // deficit of part p after j+1 items, scaled by n to stay in integers
                long deficit = (long) counts[p] * (j + 1) - assigned[p] * n;
                if (deficit > bestDeficit) {
                    bestDeficit = deficit;
                    best = p;
                }
            }
            part[order[j]] = best;
            assigned[best]++;
        }
        return part;
    }

    /** Part sizes for fractions (normalised to sum 1) by largest remainder. */
    public static int[] countsFromFractions(int n, double[] fractions) {
        double total = Arrays.stream(fractions).sum();
        int[] counts = new int[fractions.length];
        double[] rest = new double[fractions.length];
        int given = 0;
        for (int i = 0; i < fractions.length; i++) {
            double exact = n * fractions[i] / total;
            counts[i] = (int) Math.floor(exact);
            rest[i] = exact - counts[i];
            given += counts[i];
        }
        Integer[] byRest = IntStream.range(0, fractions.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -rest[i])).toArray(Integer[]::new);
        for (int k = 0; given < n; k++, given++) {
            counts[byRest[k]]++;
        }
        return counts;
    }

    /** 0..n-1 in an order drawn from {@code seed} (Fisher-Yates). */
    public static Integer[] shuffled(int n, long seed) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int k = rng.nextInt(i + 1);
            Integer t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
        return order;
    }
}
