package io.kdbench.datasets.transform;

import io.kdbench.data.Image;

import java.util.Arrays;
import java.util.List;

/**
 * Per-image, per-channel intensity normalisation, chosen by a dataset parameter:
 * none, minmax (to [0, 1]), zscore (mean 0, sd 1), percentile (1st..99th percentile to [0, 1], clipped).
 */
public enum IntensityNormalisation {
    NONE, MINMAX, ZSCORE, PERCENTILE;

    public static final List<String> NAMES = Arrays.stream(values()).map(IntensityNormalisation::id).toList();

    public String id() {
        return name().toLowerCase();
    }

    public static IntensityNormalisation parse(String s) {
        for (IntensityNormalisation n : values()) {
            if (n.id().equals(s)) {
                return n;
            }
        }
        throw new IllegalArgumentException("normalise must be one of " + NAMES + "; got '" + s + "'");
    }

    public Image apply(Image in) {
        if (this == NONE) {
            return in;
        }
        int n = in.voxels();
        float[] out = in.data().clone();
        for (int c = 0; c < in.channels(); c++) {
            int off = c * n;
            double lo, hi, shift, scale;
            if (this == ZSCORE) {
                double sum = 0, sq = 0;
                for (int i = 0; i < n; i++) {
                    sum += out[off + i];
                }
                double mean = sum / n;
                for (int i = 0; i < n; i++) {
                    sq += (out[off + i] - mean) * (out[off + i] - mean);
                }
                double sd = Math.sqrt(sq / n);
                shift = mean;
                scale = sd > 0 ? 1 / sd : 1;
                lo = Double.NEGATIVE_INFINITY;
                hi = Double.POSITIVE_INFINITY;
            } else {
                float[] sorted = Arrays.copyOfRange(out, off, off + n);
                Arrays.sort(sorted);
                double a = this == MINMAX ? sorted[0] : sorted[(int) Math.floor(0.01 * (n - 1))];
                double b = this == MINMAX ? sorted[n - 1] : sorted[(int) Math.ceil(0.99 * (n - 1))];
                shift = a;
                scale = b > a ? 1 / (b - a) : 1;
                lo = 0;
                hi = 1;
            }
            for (int i = 0; i < n; i++) {
                double v = (out[off + i] - shift) * scale;
                out[off + i] = (float) Math.max(lo, Math.min(hi, v));
            }
        }
        return new Image(out, in.channels(), in.depth(), in.height(), in.width(), in.spacing());
    }
}
