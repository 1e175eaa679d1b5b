package io.kdbench.methods.augment;

import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;

/**
 * Resampling a volume onto another grid over the same field of view (voxel centres aligned): trilinear for
 * images, nearest for label maps. Used to bring the high-resolution repository onto the clients' grid.
 */
public final class Resampling {
    private Resampling() {
    }

    private static double source(int i, int from, int to) {
        return Math.max(0, Math.min(from - 1, (i + 0.5) * from / to - 0.5));
    }

    private static double[] spacing(double[] s, int[] from, int[] to) {
        return new double[] {s[0] * from[0] / to[0], s[1] * from[1] / to[1], s[2] * from[2] / to[2]};
    }

    public static Image linear(Image im, int depth, int height, int width) {
        int[] from = {im.depth(), im.height(), im.width()}, to = {depth, height, width};
        float[] out = new float[im.channels() * depth * height * width];
        for (int c = 0; c < im.channels(); c++) {
            for (int z = 0; z < depth; z++) {
                double sz = source(z, im.depth(), depth);
                int z0 = (int) sz, z1 = Math.min(z0 + 1, im.depth() - 1);
                double fz = sz - z0;
                for (int y = 0; y < height; y++) {
                    double sy = source(y, im.height(), height);
                    int y0 = (int) sy, y1 = Math.min(y0 + 1, im.height() - 1);
                    double fy = sy - y0;
                    for (int x = 0; x < width; x++) {
                        double sx = source(x, im.width(), width);
                        int x0 = (int) sx, x1 = Math.min(x0 + 1, im.width() - 1);
                        double fx = sx - x0;
                        double v = 0;
                        for (int a = 0; a < 2; a++) {
                            for (int b = 0; b < 2; b++) {
                                for (int e = 0; e < 2; e++) {
                                    double wgt = (a == 0 ? 1 - fz : fz) * (b == 0 ? 1 - fy : fy) * (e == 0 ? 1 - fx : fx);
                                    v += wgt * im.get(c, a == 0 ? z0 : z1, b == 0 ? y0 : y1, e == 0 ? x0 : x1);
                                }
                            }
                        }
                        out[((c * depth + z) * height + y) * width + x] = (float) v;
                    }
                }
            }
        }
        return new Image(out, im.channels(), depth, height, width, spacing(im.spacing(), from, to));
    }

    public static LabelMap nearest(LabelMap m, int depth, int height, int width) {
        int[] from = {m.depth(), m.height(), m.width()}, to = {depth, height, width};
        byte[] out = new byte[depth * height * width];
        for (int z = 0; z < depth; z++) {
            int sz = (int) Math.round(source(z, m.depth(), depth));
            for (int y = 0; y < height; y++) {
                int sy = (int) Math.round(source(y, m.height(), height));
                for (int x = 0; x < width; x++) {
                    int sx = (int) Math.round(source(x, m.width(), width));
                    out[(z * height + y) * width + x] = m.labels()[(sz * m.height() + sy) * m.width() + sx];
                }
            }
        }
        return new LabelMap(out, depth, height, width, spacing(m.spacing(), from, to));
    }
}
