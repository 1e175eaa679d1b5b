package io.kdbench.metrics.segmentation;

import io.kdbench.data.LabelMap;
import io.kdbench.metrics.Box;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Per-label voxel counts of a prediction and a ground truth of one shape, their intersections, and the bounding
 * box of each label's union, from one pass over both maps. Runs of eight background voxels in both maps are
 * skipped a word at a time, so the cost is mostly in the foreground. Background (label 0) is not counted:
 * every query takes a label from 1 to 255.
 */
public final class LabelPairCounts {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final int LABELS = LabelMap.MAX_LABEL + 1;

    private final long[] pred = new long[LABELS];
    private final long[] gt = new long[LABELS];
    private final long[] both = new long[LABELS];
    private final int[] lo = new int[3 * LABELS];
    private final int[] hi = new int[3 * LABELS];

    private LabelPairCounts() {
        java.util.Arrays.fill(lo, Integer.MAX_VALUE);
        java.util.Arrays.fill(hi, Integer.MIN_VALUE);
    }

    /** Counts both maps; they must have the same shape (spacing is not compared). */
    public static LabelPairCounts of(LabelMap predicted, LabelMap truth) {
        if (!predicted.sameShape(truth)) {
            throw new IllegalArgumentException("shape " + predicted.shapeString() + " of the prediction differs from "
                    + truth.shapeString() + " of the ground truth");
        }
        LabelPairCounts c = new LabelPairCounts();
        c.count(predicted.labels(), truth.labels(), predicted.depth(), predicted.height(), predicted.width());
        return c;
    }

    private void count(byte[] p, byte[] g, int depth, int height, int width) {
        for (int z = 0; z < depth; z++) {
            for (int y = 0; y < height; y++) {
                int row = (z * height + y) * width;
                int x = 0;
                while (x < width) {
                    int i = row + x;
                    if (x + 8 <= width && ((long) LONGS.get(p, i) | (long) LONGS.get(g, i)) == 0L) {
                        x += 8;
                        continue;
                    }
                    int a = p[i] & 0xFF;
                    int b = g[i] & 0xFF;
                    if ((a | b) != 0) {
                        pred[a]++;
                        gt[b]++;
                        if (a == b) {
                            both[a]++;
                        } else {
                            extend(b, z, y, x);
                        }
                        extend(a, z, y, x);
                    }
                    x++;
                }
            }
        }
    }

    private void extend(int label, int z, int y, int x) {
        if (label == 0) {
            return;
        }
        int k = 3 * label;
        lo[k] = Math.min(lo[k], z);
        hi[k] = Math.max(hi[k], z);
        lo[k + 1] = Math.min(lo[k + 1], y);
        hi[k + 1] = Math.max(hi[k + 1], y);
        lo[k + 2] = Math.min(lo[k + 2], x);
        hi[k + 2] = Math.max(hi[k + 2], x);
    }

    private static int check(int label) {
        if (label < 1 || label >= LABELS) {
            throw new IllegalArgumentException("label must be 1.." + (LABELS - 1) + ", got " + label);
        }
        return label;
    }

    public long predicted(int label) {
        return pred[check(label)];
    }

    public long truth(int label) {
        return gt[check(label)];
    }

    public long intersection(int label) {
        return both[check(label)];
    }

    /** The largest label in either map. */
    public int maxLabel() {
        for (int l = LABELS - 1; l > 0; l--) {
            if (pred[l] > 0 || gt[l] > 0) {
                return l;
            }
        }
        return 0;
    }

    /** Bounding box of the label's voxels in either map; null if the label is in neither. Label must be > 0. */
    public Box unionBox(int label) {
        int k = 3 * check(label);
        if (lo[k] == Integer.MAX_VALUE) {
            return null;
        }
        return new Box(lo[k], hi[k], lo[k + 1], hi[k + 1], lo[k + 2], hi[k + 2]);
    }

    /** 2|P∩G| / (|P|+|G|); NaN when both are empty (the empty policy decides). */
    public double dice(int label) {
        long sum = pred[check(label)] + gt[label];
        return sum == 0 ? Double.NaN : 2.0 * both[label] / sum;
    }

    /** |P∩G| / |P∪G|; NaN when both are empty. */
    public double iou(int label) {
        long union = pred[check(label)] + gt[label] - both[label];
        return union == 0 ? Double.NaN : (double) both[label] / union;
    }
}
