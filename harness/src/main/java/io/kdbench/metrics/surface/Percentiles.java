package io.kdbench.metrics.surface;

/** Percentiles of sorted arrays. */
public final class Percentiles {
    private Percentiles() {
    }

    /**
     * The q-th percentile (0..100) of ascending values with linear interpolation between closest ranks, numpy's
     * default method: position q/100 * (n - 1).
     */
    public static double linear(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("percentile of no values");
        }
        if (!(q >= 0 && q <= 100)) {
            throw new IllegalArgumentException("percentile must be in 0..100, got " + q);
        }
        double pos = q / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double t = pos - lo;
        return sorted[lo] + (sorted[hi] - sorted[lo]) * t;
    }

    /** Merges two ascending arrays into one. */
    public static double[] mergeSorted(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
        }
        while (i < a.length) {
            out[k++] = a[i++];
        }
        while (j < b.length) {
            out[k++] = b[j++];
        }
        return out;
    }
}
