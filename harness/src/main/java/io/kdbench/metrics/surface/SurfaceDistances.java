package io.kdbench.metrics.surface;

import io.kdbench.data.LabelMap;
import io.kdbench.metrics.Box;
import io.kdbench.stats.Percentiles;

import java.util.Arrays;

/**
 * The two directed sets of boundary-to-boundary distances between one label of a prediction and of a ground
 * truth, in physical units. A boundary voxel is a foreground voxel with a face neighbour (4 in 2-D, 6 in 3-D)
 * in the background or outside the image, as MONAI and medpy define it; distances run between voxel centres.
 * Work is confined to the union's bounding box plus a one-voxel margin, and every distance comes from an exact
 * distance transform, never from pairs of boundary voxels.
 */
public final class SurfaceDistances {
    private static final byte FOREGROUND = 1;
    private static final byte BOUNDARY = 2;

    private final double[] predToTruth;
    private final double[] truthToPred;

    private SurfaceDistances(double[] predToTruth, double[] truthToPred) {
        this.predToTruth = predToTruth;
        this.truthToPred = truthToPred;
    }

    /**
     * Distances for one label of two maps of one shape, using the ground truth's spacing.
     *
     * @param unionBox bounding box of the label in either map (see {@code LabelPairCounts.unionBox})
     * @throws IllegalArgumentException if the label is absent from either map
     */
    public static SurfaceDistances of(LabelMap predicted, LabelMap truth, int label, Box unionBox) {
        if (!predicted.sameShape(truth)) {
            throw new IllegalArgumentException("shapes differ: " + predicted.shapeString() + " and "
                    + truth.shapeString());
        }
        boolean is3d = truth.depth() > 1;
        Box box = unionBox.grow(1, is3d);
        byte[] p = boundaryInBox(predicted, label, box, is3d);
        byte[] g = boundaryInBox(truth, label, box, is3d);
        double[] squared = new double[p.length];
        double[] spacing = truth.spacing();
        EuclideanDistanceTransform.squared(g, BOUNDARY, box.depth(), box.height(), box.width(), spacing, squared);
        double[] predToTruth = readAt(p, squared);
        EuclideanDistanceTransform.squared(p, BOUNDARY, box.depth(), box.height(), box.width(), spacing, squared);
        double[] truthToPred = readAt(g, squared);
        if (predToTruth.length == 0 || truthToPred.length == 0) {
            throw new IllegalArgumentException("label " + label + " is empty in the "
                    + (predToTruth.length == 0 ? "prediction" : "ground truth"));
        }
        return new SurfaceDistances(predToTruth, truthToPred);
    }

    /** The label's voxels copied into the box (outside the image reads as background), boundary marked 2. */
    private static byte[] boundaryInBox(LabelMap map, int label, Box box, boolean is3d) {
        int bd = box.depth();
        int bh = box.height();
        int bw = box.width();
        byte[] mask = new byte[bd * bh * bw];
        byte[] labels = map.labels();
        byte wanted = (byte) label;
        int xFrom = Math.max(box.x0(), 0);
        int xTo = Math.min(box.x1(), map.width() - 1);
        for (int z = Math.max(box.z0(), 0); z <= Math.min(box.z1(), map.depth() - 1); z++) {
            for (int y = Math.max(box.y0(), 0); y <= Math.min(box.y1(), map.height() - 1); y++) {
                int src = (z * map.height() + y) * map.width();
                int dst = ((z - box.z0()) * bh + (y - box.y0())) * bw - box.x0();
                for (int x = xFrom; x <= xTo; x++) {
                    if (labels[src + x] == wanted) {
                        mask[dst + x] = FOREGROUND;
                    }
                }
            }
        }
        // foreground never touches the box's faces (one-voxel margin), so every neighbour index is in range;
        // marking 2 keeps the voxel non-zero for the neighbours still to be tested
        int plane = bh * bw;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0 && (mask[i - 1] == 0 || mask[i + 1] == 0 || mask[i - bw] == 0 || mask[i + bw] == 0
                    || (is3d && (mask[i - plane] == 0 || mask[i + plane] == 0)))) {
                mask[i] = BOUNDARY;
            }
        }
        return mask;
    }

    private static double[] readAt(byte[] mask, double[] squared) {
        int n = 0;
        for (byte b : mask) {
            n += b == BOUNDARY ? 1 : 0;
        }
        double[] d = new double[n];
        int j = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] == BOUNDARY) {
                d[j++] = Math.sqrt(squared[i]);
            }
        }
        Arrays.sort(d);
        return d;
    }

    /** Sorted distances from each predicted boundary voxel to the ground-truth boundary. */
    public double[] predictionToTruth() {
        return predToTruth.clone();
    }

    /** The Hausdorff distance: the larger directed maximum. */
    public double hausdorff() {
        return Math.max(predToTruth[predToTruth.length - 1], truthToPred[truthToPred.length - 1]);
    }

    /** The q-th percentile (0..100) of the prediction-to-truth distances. */
    public double directedPercentile(double q) {
        return Percentiles.linear(predToTruth, q);
    }

    /** The q-th percentile Hausdorff distance under a convention, e.g. q = 95 for HD95. */
    public double percentile(double q, PercentileConvention convention) {
        return switch (convention) {
            case MONAI -> Math.max(Percentiles.linear(predToTruth, q), Percentiles.linear(truthToPred, q));
            case MEDPY -> Percentiles.linear(Percentiles.mergeSorted(predToTruth, truthToPred), q);
        };
    }

    /**
     * Average symmetric surface distance: the mean over all boundary voxels of both maps of their distance to
     * the other boundary (MONAI's symmetric {@code SurfaceDistanceMetric}; medpy's {@code assd} instead averages
     * the two directed means).
     */
    public double averageSymmetric() {
        double sum = 0;
        for (double d : predToTruth) {
            sum += d;
        }
        for (double d : truthToPred) {
            sum += d;
        }
        return sum / (predToTruth.length + truthToPred.length);
    }
}
