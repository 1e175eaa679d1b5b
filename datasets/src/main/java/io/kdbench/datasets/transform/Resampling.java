package io.kdbench.datasets.transform;

import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.datasets.raster.Grid;

/**
 * Resizing of images (linear, per channel) and label maps (nearest), by target shape or target spacing.
 * Grid positions are aligned by their edges (voxel centres at (i + 0.5) * old / new - 0.5), so the
 * physical extent is kept and the spacing scales by old / new.
 */
public final class Resampling {
    private Resampling() {
    }

    public static Grid linear(Grid in, int depth, int height, int width) {
        Grid out = new Grid(depth, height, width);
        float[] data = linear(in.v, in.depth, in.height, in.width, depth, height, width);
        System.arraycopy(data, 0, out.v, 0, data.length);
        return out;
    }

    public static Image linear(Image in, int depth, int height, int width) {
        int n = in.voxels();
        int m = depth * height * width;
        float[] out = new float[in.channels() * m];
        float[] channel = new float[n];
        for (int c = 0; c < in.channels(); c++) {
            System.arraycopy(in.data(), c * n, channel, 0, n);
            float[] r = linear(channel, in.depth(), in.height(), in.width(), depth, height, width);
            System.arraycopy(r, 0, out, c * m, m);
        }
        return new Image(out, in.channels(), depth, height, width,
                newSpacing(in.spacing(), in.depth(), in.height(), in.width(), depth, height, width));
    }

    public static LabelMap nearest(LabelMap in, int depth, int height, int width) {
        byte[] out = new byte[depth * height * width];
        for (int z = 0; z < depth; z++) {
            int sz = nearestIndex(z, in.depth(), depth);
            for (int y = 0; y < height; y++) {
                int sy = nearestIndex(y, in.height(), height);
                for (int x = 0; x < width; x++) {
                    int sx = nearestIndex(x, in.width(), width);
                    out[(z * height + y) * width + x] = in.labels()[(sz * in.height() + sy) * in.width() + sx];
                }
            }
        }
        return new LabelMap(out, depth, height, width,
                newSpacing(in.spacing(), in.depth(), in.height(), in.width(), depth, height, width));
    }

    /** The shape (depth, height, width) that gives {@code target} spacing over the same physical extent. */
    public static int[] shapeForSpacing(double[] spacing, int depth, int height, int width, double[] target) {
        return new int[] {
                Math.max(1, (int) Math.round(depth * spacing[0] / target[0])),
                Math.max(1, (int) Math.round(height * spacing[1] / target[1])),
                Math.max(1, (int) Math.round(width * spacing[2] / target[2]))};
    }

    static double[] newSpacing(double[] s, int d, int h, int w, int nd, int nh, int nw) {
        return new double[] {s[0] * d / nd, s[1] * h / nh, s[2] * w / nw};
    }

    private static int nearestIndex(int i, int oldSize, int newSize) {
        int s = (int) Math.floor((i + 0.5) * oldSize / newSize);
        return Math.min(oldSize - 1, s);
    }

    private static float[] linear(float[] in, int d, int h, int w, int nd, int nh, int nw) {
        float[] out = new float[nd * nh * nw];
        int[] z0 = new int[nd], y0 = new int[nh], x0 = new int[nw];
        double[] fz = new double[nd], fy = new double[nh], fx = new double[nw];
        weights(d, nd, z0, fz);
        weights(h, nh, y0, fy);
        weights(w, nw, x0, fx);
        for (int z = 0; z < nd; z++) {
            int za = z0[z], zb = Math.min(za + 1, d - 1);
            for (int y = 0; y < nh; y++) {
                int ya = y0[y], yb = Math.min(ya + 1, h - 1);
                for (int x = 0; x < nw; x++) {
                    int xa = x0[x], xb = Math.min(xa + 1, w - 1);
                    double c00 = lerp(in[(za * h + ya) * w + xa], in[(za * h + ya) * w + xb], fx[x]);
                    double c01 = lerp(in[(za * h + yb) * w + xa], in[(za * h + yb) * w + xb], fx[x]);
                    double c10 = lerp(in[(zb * h + ya) * w + xa], in[(zb * h + ya) * w + xb], fx[x]);
                    double c11 = lerp(in[(zb * h + yb) * w + xa], in[(zb * h + yb) * w + xb], fx[x]);
                    out[(z * nh + y) * nw + x] = (float) lerp(lerp(c00, c01, fy[y]), lerp(c10, c11, fy[y]), fz[z]);
                }
            }
        }
        return out;
    }

    private static void weights(int oldSize, int newSize, int[] lower, double[] frac) {
        for (int i = 0; i < newSize; i++) {
            double src = (i + 0.5) * oldSize / newSize - 0.5;
            src = Math.max(0, Math.min(oldSize - 1, src));
            lower[i] = (int) Math.floor(src);
            frac[i] = src - lower[i];
        }
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
