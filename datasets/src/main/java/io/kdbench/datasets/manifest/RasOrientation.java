package io.kdbench.datasets.manifest;

import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;

/**
 * Turns a volume's voxel axes to the closest RAS+ order (nibabel's "closest canonical"): width runs towards
 * Right, height towards Anterior, depth towards Superior, by permuting and flipping axes only (no
 * interpolation). So volumes stored LPS by one scanner and RAS by another line up, and a mask written in
 * a different axis order from its image still matches it.
 */
public final class RasOrientation {
    /** For new axis a (0 = x/width, 1 = y/height, 2 = z/depth): the stored voxel axis it comes from, and a flip. */
    private final int[] source = new int[3];
    private final boolean[] flip = new boolean[3];

    /** @param direction 3x3 row-major, row = world axis, column = voxel axis (i, j, k), as {@code NiftiFile#direction} */
    public RasOrientation(double[] direction) {
        boolean[] worldUsed = new boolean[3];
        boolean[] voxelUsed = new boolean[3];
        // assign the strongest (world, voxel) pairs first, so an oblique volume gets a permutation, not a clash
        for (int step = 0; step < 3; step++) {
            int bestW = -1, bestV = -1;
            double best = -1;
            for (int w = 0; w < 3; w++) {
                for (int v = 0; v < 3; v++) {
                    double m = Math.abs(direction[3 * w + v]);
                    if (!worldUsed[w] && !voxelUsed[v] && m > best) {
                        best = m;
                        bestW = w;
                        bestV = v;
                    }
                }
            }
            worldUsed[bestW] = true;
            voxelUsed[bestV] = true;
            source[bestW] = bestV;
            flip[bestW] = direction[3 * bestW + bestV] < 0;
        }
    }

    public boolean isIdentity() {
        return source[0] == 0 && source[1] == 1 && source[2] == 2 && !flip[0] && !flip[1] && !flip[2];
    }

    /** Axis codes of the stored order, e.g. "LPS" for a file whose i runs to Left, j to Posterior, k to Superior. */
    public String storedCodes() {
        char[] codes = new char[3];
        String pos = "RAS", neg = "LPI";
        for (int a = 0; a < 3; a++) {
            codes[source[a]] = flip[a] ? neg.charAt(a) : pos.charAt(a);
        }
        return new String(codes);
    }

    public Image apply(Image in) {
        if (isIdentity()) {
            return in;
        }
        int[] oldDims = {in.width(), in.height(), in.depth()};
        int[] dims = newDims(oldDims);
        int n = in.voxels();
        float[] out = new float[in.data().length];
        int[] map = sourceIndex(oldDims);
        for (int c = 0; c < in.channels(); c++) {
            for (int i = 0; i < n; i++) {
                out[c * n + i] = in.data()[c * n + map[i]];
            }
        }
        return new Image(out, in.channels(), dims[2], dims[1], dims[0], newSpacing(in.spacing()));
    }

    public LabelMap apply(LabelMap in) {
        if (isIdentity()) {
            return in;
        }
        int[] oldDims = {in.width(), in.height(), in.depth()};
        int[] dims = newDims(oldDims);
        byte[] out = new byte[in.size()];
        int[] map = sourceIndex(oldDims);
        for (int i = 0; i < out.length; i++) {
            out[i] = in.labels()[map[i]];
        }
        return new LabelMap(out, dims[2], dims[1], dims[0], newSpacing(in.spacing()));
    }

    private int[] newDims(int[] oldDims) {
        return new int[] {oldDims[source[0]], oldDims[source[1]], oldDims[source[2]]};
    }

    /** Spacing is (z, y, x); stored axis v has spacing[2 - v]. */
    private double[] newSpacing(double[] s) {
        return new double[] {s[2 - source[2]], s[2 - source[1]], s[2 - source[0]]};
    }

    /** For each new voxel (x fastest), the index of the stored voxel it takes. */
    private int[] sourceIndex(int[] oldDims) {
        int[] dims = newDims(oldDims);
        int[] stride = {1, oldDims[0], oldDims[0] * oldDims[1]};
        int[] map = new int[dims[0] * dims[1] * dims[2]];
        int[] p = new int[3];
        int i = 0;
        for (p[2] = 0; p[2] < dims[2]; p[2]++) {
            for (p[1] = 0; p[1] < dims[1]; p[1]++) {
                for (p[0] = 0; p[0] < dims[0]; p[0]++) {
                    int from = 0;
                    for (int a = 0; a < 3; a++) {
                        int coord = flip[a] ? dims[a] - 1 - p[a] : p[a];
                        from += coord * stride[source[a]];
                    }
                    map[i++] = from;
                }
            }
        }
        return map;
    }
}
