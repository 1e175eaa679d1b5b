package io.kdbench.stats;

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
}
