package io.kdbench.datasets.synthetic.draw;

import io.kdbench.datasets.raster.Grid;

import java.util.SplittableRandom;

/** Gaussian blobs and clusters of small dots (nodules, calcifications, globules). */
public final class Blobs {
    private Blobs() {
    }

    /** Adds amplitude * exp(-r^2 / (2 sigma^2)) around (cy, cx) on slice z. */
    public static void gaussian(Grid g, int z, double cy, double cx, double sigma, double amplitude) {
        int reach = (int) Math.ceil(3 * sigma);
        int y0 = Math.max(0, (int) Math.floor(cy) - reach);
        int y1 = Math.min(g.height - 1, (int) Math.ceil(cy) + reach);
        int x0 = Math.max(0, (int) Math.floor(cx) - reach);
        int x1 = Math.min(g.width - 1, (int) Math.ceil(cx) + reach);
        double k = 1.0 / (2 * sigma * sigma);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double r2 = (y - cy) * (y - cy) + (x - cx) * (x - cx);
                g.v[g.index(z, y, x)] += (float) (amplitude * Math.exp(-r2 * k));
            }
        }
    }

    public static void gaussian(Grid g, double cy, double cx, double sigma, double amplitude) {
        gaussian(g, 0, cy, cx, sigma, amplitude);
    }

    /**
     * Adds {@code count} dots scattered (gaussian) around a centre with spread {@code spread}; returns
     * their positions as {y0, x0, y1, x1, ...} so callers can outline the cluster.
     */
    public static double[] cluster(Grid g, double cy, double cx, double spread, int count, double dotSigma,
                                   double amplitude, SplittableRandom rng) {
        double[] pos = new double[2 * count];
        for (int i = 0; i < count; i++) {
            double y = cy + spread * rng.nextGaussian();
            double x = cx + spread * rng.nextGaussian();
            pos[2 * i] = y;
            pos[2 * i + 1] = x;
            gaussian(g, y, x, dotSigma * (0.7 + 0.6 * rng.nextDouble()), amplitude * (0.6 + 0.8 * rng.nextDouble()));
        }
        return pos;
    }
}
