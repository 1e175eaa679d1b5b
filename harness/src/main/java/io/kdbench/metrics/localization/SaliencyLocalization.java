package io.kdbench.metrics.localization;

import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.metrics.Box;
import io.kdbench.metrics.classification.Auroc;

/**
 * How well an attention or saliency map points at a region of interest (ROI = voxels with a label above 0), as
 * in MMPKD's zero-shot localization. The map is first brought to the ROI's grid by nearest-neighbour sampling
 * (voxel centres: source index = floor((i + 0.5) * source size / target size)).
 */
public final class SaliencyLocalization {
    /** Thresholds for {@link #bestBoxIou}: 0.05, 0.10, ..., 0.95 of the min-max normalised map. */
    public static final int THRESHOLDS = 19;

    private SaliencyLocalization() {
    }

    /** The map's single channel sampled onto the ROI's grid. */
    public static float[] onGrid(Image map, LabelMap roi) {
        if (map.channels() != 1) {
            throw new IllegalArgumentException("attention map has " + map.channels() + " channels, needs 1");
        }
        int d = roi.depth();
        int h = roi.height();
        int w = roi.width();
        if (map.depth() == d && map.height() == h && map.width() == w) {
            return map.data();
        }
        float[] out = new float[d * h * w];
        int[] xs = nearest(w, map.width());
        int[] ys = nearest(h, map.height());
        int[] zs = nearest(d, map.depth());
        for (int z = 0; z < d; z++) {
            for (int y = 0; y < h; y++) {
                int src = (zs[z] * map.height() + ys[y]) * map.width();
                int dst = (z * h + y) * w;
                for (int x = 0; x < w; x++) {
                    out[dst + x] = map.data()[src + xs[x]];
                }
            }
        }
        return out;
    }

    private static int[] nearest(int target, int source) {
        int[] idx = new int[target];
        for (int i = 0; i < target; i++) {
            idx[i] = (int) Math.min(source - 1, (long) Math.floor((i + 0.5) * source / target));
        }
        return idx;
    }

    /** AUROC of the map's values as scores for "inside the ROI", over all voxels. */
    public static Auroc.Value pixelAuroc(float[] map, LabelMap roi) {
        boolean[] inside = new boolean[map.length];
        double[] scores = new double[map.length];
        for (int i = 0; i < map.length; i++) {
            inside[i] = roi.label(i) > 0;
            scores[i] = map[i];
        }
        return Auroc.binary(inside, scores);
    }

    /**
     * The best IoU between the ROI's bounding box and the bounding box of the voxels at or above a threshold, over
     * the thresholds 0.05, 0.10, ..., 0.95 of the map min-max normalised to [0, 1]. Taking the best threshold per
     * case is optimistic, like MaxBoxAcc (Choe et al., CVPR 2020) but per image. NaN if the ROI is empty or the
     * map is constant.
     */
    public static double bestBoxIou(float[] map, LabelMap roi) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : map) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        Box roiBox = roiBox(roi);
        if (roiBox == null || !(max > min)) {
            return Double.NaN;
        }
        // one pass: each voxel extends the box of the highest threshold it reaches; lower thresholds then take
        // the union of the boxes above them
        int[][] boxes = new int[THRESHOLDS][];
        int w = roi.width();
        int h = roi.height();
        for (int i = 0; i < map.length; i++) {
            double norm = (map[i] - min) / (double) (max - min);
            int t = highestThreshold(norm);
            if (t >= 0) {
                boxes[t] = extend(boxes[t], i / (h * w), (i / w) % h, i % w);
            }
        }
        double best = 0;
        int[] union = null;
        for (int t = THRESHOLDS - 1; t >= 0; t--) {
            if (boxes[t] != null) {
                union = union == null ? boxes[t].clone() : merge(union, boxes[t]);
            }
            if (union != null) {
                best = Math.max(best, roiBox.iou(new Box(union[0], union[1], union[2], union[3], union[4], union[5])));
            }
        }
        return best;
    }

    /** Index of the highest threshold (0.05 * (t + 1)) that the normalised value reaches, -1 if none. */
    static int highestThreshold(double norm) {
        int t = (int) Math.floor(norm * 20 + 1e-9) - 1;
        return Math.min(t, THRESHOLDS - 1);
    }

    /** Fraction of the map's mass (its positive part) that lies outside the ROI; NaN if it has no mass. */
    public static double outsideMass(float[] map, LabelMap roi) {
        double total = 0;
        double outside = 0;
        for (int i = 0; i < map.length; i++) {
            double v = Math.max(0f, map[i]);
            total += v;
            if (roi.label(i) == 0) {
                outside += v;
            }
        }
        return total > 0 ? outside / total : Double.NaN;
    }

    /** Bounding box of the ROI's voxels, null if it has none. */
    public static Box roiBox(LabelMap roi) {
        int[] b = null;
        int w = roi.width();
        int h = roi.height();
        for (int i = 0; i < roi.size(); i++) {
            if (roi.label(i) > 0) {
                b = extend(b, i / (h * w), (i / w) % h, i % w);
            }
        }
        return b == null ? null : new Box(b[0], b[1], b[2], b[3], b[4], b[5]);
    }

    private static int[] extend(int[] b, int z, int y, int x) {
        if (b == null) {
            return new int[] {z, z, y, y, x, x};
        }
        b[0] = Math.min(b[0], z);
        b[1] = Math.max(b[1], z);
        b[2] = Math.min(b[2], y);
        b[3] = Math.max(b[3], y);
        b[4] = Math.min(b[4], x);
        b[5] = Math.max(b[5], x);
        return b;
    }

    private static int[] merge(int[] a, int[] b) {
        return new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.max(a[3], b[3]),
                Math.min(a[4], b[4]), Math.max(a[5], b[5])};
    }
}
