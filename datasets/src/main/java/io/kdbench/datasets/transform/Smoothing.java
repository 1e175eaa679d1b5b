package io.kdbench.datasets.transform;

import io.kdbench.datasets.raster.Grid;

/** Separable gaussian blur within each slice (y and x), edges clamped. */
public final class Smoothing {
    private Smoothing() {
    }

    public static void gaussian2d(Grid g, double sigma) {
        if (sigma <= 0) {
            return;
        }
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        float[] tmp = new float[Math.max(g.height, g.width)];
        for (int z = 0; z < g.depth; z++) {
            for (int y = 0; y < g.height; y++) {
                for (int x = 0; x < g.width; x++) {
                    double acc = 0;
                    for (int j = -r; j <= r; j++) {
                        int xx = Math.max(0, Math.min(g.width - 1, x + j));
                        acc += k[j + r] * g.v[g.index(z, y, xx)];
                    }
                    tmp[x] = (float) acc;
                }
                System.arraycopy(tmp, 0, g.v, g.index(z, y, 0), g.width);
            }
            for (int x = 0; x < g.width; x++) {
                for (int y = 0; y < g.height; y++) {
                    double acc = 0;
                    for (int j = -r; j <= r; j++) {
                        int yy = Math.max(0, Math.min(g.height - 1, y + j));
                        acc += k[j + r] * g.v[g.index(z, yy, x)];
                    }
                    tmp[y] = (float) acc;
                }
                for (int y = 0; y < g.height; y++) {
                    g.v[g.index(z, y, x)] = tmp[y];
                }
            }
        }
    }
}
