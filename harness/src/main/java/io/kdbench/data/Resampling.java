package io.kdbench.data;

/**
 * Resampling an image or label map onto another grid over the same field of view. Both linear operations sample at
 * the same positions (voxel centres aligned: new voxel i sits at {@code (i + 0.5) * old / new - 0.5}, clamped to
 * the old grid, so the physical extent is kept and the spacing scales by old / new); they differ only in the order
 * of their floating-point arithmetic, so their results can differ in the last bit:
 * <ul>
 * <li>{@link #linearByAxes}: one axis at a time, {@code a + (b - a) * t} along x, then y, then z (the datasets'
 * resizing and the synthetic noise fields);</li>
 * <li>{@link #linearByCorners}: the sum of the eight neighbours, each times its product of weights
 * {@code wz * wy * wx} (FedKD's repository volumes brought onto the clients' grid).</li>
 * </ul>
 * Both stay, each for the callers that have always used it, so stored results keep their bits.
 */
public final class Resampling {
    private Resampling() {
    }

    /** Linear, channel by channel, interpolating one axis at a time. */
    public static Image linearByAxes(Image in, int depth, int height, int width) {
        int n = in.voxels();
        int m = depth * height * width;
        float[] out = new float[in.channels() * m];
        float[] channel = new float[n];
        for (int c = 0; c < in.channels(); c++) {
            System.arraycopy(in.data(), c * n, channel, 0, n);
            float[] r = linearByAxes(channel, in.depth(), in.height(), in.width(), depth, height, width);
            System.arraycopy(r, 0, out, c * m, m);
        }
        return new Image(out, in.channels(), depth, height, width,
                spacing(in.spacing(), in.depth(), in.height(), in.width(), depth, height, width));
    }

    /** {@link #linearByAxes(Image, int, int, int)} of one channel of shape (d, h, w) to (nd, nh, nw). */
    public static float[] linearByAxes(float[] in, int d, int h, int w, int nd, int nh, int nw) {
        Axis z = new Axis(d, nd), y = new Axis(h, nh), x = new Axis(w, nw);
        float[] out = new float[nd * nh * nw];
        for (int k = 0; k < nd; k++) {
            int za = z.lower[k], zb = z.upper[k];
            for (int j = 0; j < nh; j++) {
                int ya = y.lower[j], yb = y.upper[j];
                for (int i = 0; i < nw; i++) {
                    int xa = x.lower[i], xb = x.upper[i];
                    double fx = x.fraction[i];
                    double c00 = lerp(in[(za * h + ya) * w + xa], in[(za * h + ya) * w + xb], fx);
                    double c01 = lerp(in[(za * h + yb) * w + xa], in[(za * h + yb) * w + xb], fx);
                    double c10 = lerp(in[(zb * h + ya) * w + xa], in[(zb * h + ya) * w + xb], fx);
                    double c11 = lerp(in[(zb * h + yb) * w + xa], in[(zb * h + yb) * w + xb], fx);
                    out[(k * nh + j) * nw + i] = (float) lerp(lerp(c00, c01, y.fraction[j]),
                            lerp(c10, c11, y.fraction[j]), z.fraction[k]);
                }
            }
        }
        return out;
    }

    /** Linear, channel by channel, as the weighted sum of the eight neighbours. */
    public static Image linearByCorners(Image in, int depth, int height, int width) {
        Axis z = new Axis(in.depth(), depth), y = new Axis(in.height(), height), x = new Axis(in.width(), width);
        float[] out = new float[in.channels() * depth * height * width];
        for (int c = 0; c < in.channels(); c++) {
            for (int k = 0; k < depth; k++) {
                int[] zs = {z.lower[k], z.upper[k]};
                double[] wz = {1 - z.fraction[k], z.fraction[k]};
                for (int j = 0; j < height; j++) {
                    int[] ys = {y.lower[j], y.upper[j]};
                    double[] wy = {1 - y.fraction[j], y.fraction[j]};
                    for (int i = 0; i < width; i++) {
                        int[] xs = {x.lower[i], x.upper[i]};
                        double[] wx = {1 - x.fraction[i], x.fraction[i]};
                        double v = 0;
                        for (int a = 0; a < 2; a++) {
                            for (int b = 0; b < 2; b++) {
                                for (int e = 0; e < 2; e++) {
                                    v += wz[a] * wy[b] * wx[e] * in.get(c, zs[a], ys[b], xs[e]);
                                }
                            }
                        }
                        out[((c * depth + k) * height + j) * width + i] = (float) v;
                    }
                }
            }
        }
        return new Image(out, in.channels(), depth, height, width,
                spacing(in.spacing(), in.depth(), in.height(), in.width(), depth, height, width));
    }

    /** Nearest neighbour: new voxel i takes old voxel floor((i + 0.5) * old / new), the one its centre falls in. */
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
                spacing(in.spacing(), in.depth(), in.height(), in.width(), depth, height, width));
    }

    /** The shape (depth, height, width) that gives {@code target} spacing over the same physical extent. */
    public static int[] shapeForSpacing(double[] spacing, int depth, int height, int width, double[] target) {
        return new int[] {
                Math.max(1, (int) Math.round(depth * spacing[0] / target[0])),
                Math.max(1, (int) Math.round(height * spacing[1] / target[1])),
                Math.max(1, (int) Math.round(width * spacing[2] / target[2]))};
    }

    private static double[] spacing(double[] s, int d, int h, int w, int nd, int nh, int nw) {
        return new double[] {s[0] * d / nd, s[1] * h / nh, s[2] * w / nw};
    }

    private static int nearestIndex(int i, int oldSize, int newSize) {
        int s = (int) Math.floor((i + 0.5) * oldSize / newSize);
        return Math.min(oldSize - 1, s);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    /** Where each new index of one axis samples the old one: the two old neighbours and the weight of the upper. */
    private static final class Axis {
        final int[] lower;
        final int[] upper;
        final double[] fraction;

        Axis(int oldSize, int newSize) {
            lower = new int[newSize];
            upper = new int[newSize];
            fraction = new double[newSize];
            for (int i = 0; i < newSize; i++) {
                double src = Math.max(0, Math.min(oldSize - 1, (i + 0.5) * oldSize / newSize - 0.5));
                lower[i] = (int) Math.floor(src);
                upper[i] = Math.min(lower[i] + 1, oldSize - 1);
                fraction[i] = src - lower[i];
            }
        }
    }
}
