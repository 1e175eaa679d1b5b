package io.kdbench.metrics.surface;

import java.util.stream.IntStream;

/**
 * Exact Euclidean distance transform of a 2-D or 3-D grid with anisotropic spacing, in linear time:
 * a two-scan 1-D distance along x, then Felzenszwalb and Huttenlocher's lower envelope of parabolas along y and
 * z ("Distance Transforms of Sampled Functions", Theory of Computing 8, 2012). Lines are spread over the common
 * fork-join pool when the grid is large.
 */
public final class EuclideanDistanceTransform {
    private static final int PARALLEL_VOXELS = 1 << 16;

    private EuclideanDistanceTransform() {
    }

    /**
     * Writes into {@code out} the squared physical distance from every voxel to the nearest voxel whose value in
     * {@code grid} equals {@code feature}; +infinity everywhere if there is none.
     *
     * @param grid    index (z * height + y) * width + x
     * @param spacing (z, y, x) physical size of a voxel
     * @param out     at least depth * height * width long
     */
    public static void squared(byte[] grid, byte feature, int depth, int height, int width, double[] spacing,
                               double[] out) {
        int n = depth * height * width;
        if (grid.length < n || out.length < n) {
            throw new IllegalArgumentException("grid or output shorter than " + n);
        }
        boolean parallel = n >= PARALLEL_VOXELS;
        double sx = spacing[2];
        forEach(depth * height, parallel, row -> alongX(grid, feature, row * width, width, sx, out));
        if (height > 1) {
            int plane = height * width;
            forEach(depth, parallel, z -> {
                Lines lines = new Lines(height);
                for (int x = 0; x < width; x++) {
                    lines.envelope(out, z * plane + x, width, height, spacing[1]);
                }
            });
        }
        if (depth > 1) {
            int plane = height * width;
            forEach(height, parallel, y -> {
                Lines lines = new Lines(depth);
                for (int x = 0; x < width; x++) {
                    lines.envelope(out, y * width + x, plane, depth, spacing[0]);
                }
            });
        }
    }

    private static void forEach(int count, boolean parallel, java.util.function.IntConsumer body) {
        IntStream range = IntStream.range(0, count);
        (parallel ? range.parallel() : range).forEach(body);
    }

    /** Squared distance along one row to the nearest feature in that row. */
    private static void alongX(byte[] grid, byte feature, int start, int width, double sx, double[] out) {
        int last = -1;
        for (int x = 0; x < width; x++) {
            if (grid[start + x] == feature) {
                last = x;
            }
            out[start + x] = last < 0 ? Double.POSITIVE_INFINITY : sq((x - last) * sx);
        }
        last = -1;
        for (int x = width - 1; x >= 0; x--) {
            if (grid[start + x] == feature) {
                last = x;
            }
            if (last >= 0) {
                out[start + x] = Math.min(out[start + x], sq((last - x) * sx));
            }
        }
    }

    private static double sq(double v) {
        return v * v;
    }

    /** Scratch space for the lower envelope along one line, reused across the lines of a task. */
    private static final class Lines {
        private final double[] f;
        private final int[] v;
        private final double[] z;

        Lines(int n) {
            f = new double[n];
            v = new int[n];
            z = new double[n + 1];
        }

        /** Replaces the n values at start, start + stride, ... by their 1-D squared distance transform. */
        void envelope(double[] data, int start, int stride, int n, double spacing) {
            int k = -1;
            for (int q = 0; q < n; q++) {
                double fq = data[start + q * stride];
                f[q] = fq;
                if (fq == Double.POSITIVE_INFINITY) {
                    continue; // a site with no feature in its lower-dimensional slice adds no parabola
                }
                double pq = q * spacing;
                double s = Double.NEGATIVE_INFINITY;
                while (k >= 0) {
                    double pv = v[k] * spacing;
                    s = ((fq + pq * pq) - (f[v[k]] + pv * pv)) / (2 * (pq - pv));
                    if (s > z[k]) {
                        break;
                    }
                    k--;
                    s = Double.NEGATIVE_INFINITY;
                }
                k++;
                v[k] = q;
                z[k] = s;
            }
            if (k < 0) {
                return; // the whole line stays at infinity
            }
            int j = 0;
            for (int q = 0; q < n; q++) {
                double pq = q * spacing;
                while (j < k && z[j + 1] < pq) {
                    j++;
                }
                double d = pq - v[j] * spacing;
                data[start + q * stride] = d * d + f[v[j]];
            }
        }
    }
}
