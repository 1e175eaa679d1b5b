package io.kdbench.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Holm's step-down adjustment of a family of p-values (controls the family-wise error rate). */
public final class Holm {
    private Holm() {
    }

    /** Adjusted p-values in the input order: the running max of min(1, (m - j) p_(j)) over ascending p. */
    public static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(i -> p[i]))
                .toArray(Integer[]::new);
        double[] adjusted = new double[m];
        double running = 0;
        for (int j = 0; j < m; j++) {
            running = Math.max(running, Math.min(1, (m - j) * p[order[j]]));
            adjusted[order[j]] = running;
        }
        return adjusted;
    }

    /**
     * As {@link #adjust}, over the entries that were tested: a NaN p (not tested, e.g. a row that did not learn) stays
     * NaN and out of the family, so it does not make the others' adjustment stricter.
     */
    public static double[] adjustTested(double[] p) {
        int[] tested = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).toArray();
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        double[] adjusted = adjust(Arrays.stream(tested).mapToDouble(i -> p[i]).toArray());
        for (int j = 0; j < tested.length; j++) {
            out[tested[j]] = adjusted[j];
        }
        return out;
    }
}
