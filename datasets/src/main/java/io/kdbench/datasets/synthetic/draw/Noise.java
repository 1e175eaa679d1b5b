package io.kdbench.datasets.synthetic.draw;

import io.kdbench.datasets.raster.Grid;

import java.util.SplittableRandom;

/** Additive white noise and smooth random fields (tissue texture, bias fields, lighting). */
public final class Noise {
    private Noise() {
    }

    public static void gaussian(Grid g, double sigma, SplittableRandom rng) {
        for (int i = 0; i < g.v.length; i++) {
            g.v[i] += (float) (sigma * rng.nextGaussian());
        }
    }

    /**
     * A smooth field with zero mean and unit-ish amplitude: gaussian values on a coarse lattice of
     * {@code cells} per axis (depth too for 3-D), interpolated linearly to the grid's shape.
     */
    public static Grid smoothField(int depth, int height, int width, int cells, SplittableRandom rng) {
        int cz = depth == 1 ? 1 : Math.max(2, cells);
        Grid coarse = new Grid(cz, Math.max(2, cells), Math.max(2, cells));
        for (int i = 0; i < coarse.v.length; i++) {
            coarse.v[i] = (float) rng.nextGaussian();
        }
        return coarse.resampled(depth, height, width);
    }

    public static Grid smoothField(Grid like, int cells, SplittableRandom rng) {
        return smoothField(like.depth, like.height, like.width, cells, rng);
    }

    /** Adds amplitude * a smooth field. */
    public static void addSmooth(Grid g, int cells, double amplitude, SplittableRandom rng) {
        Grid f = smoothField(g, cells, rng);
        for (int i = 0; i < g.v.length; i++) {
            g.v[i] += (float) (amplitude * f.v[i]);
        }
    }

    /** Multiplies by exp(amplitude * smooth field): a slowly varying gain such as an MR bias field. */
    public static void multiplySmooth(Grid g, int cells, double amplitude, SplittableRandom rng) {
        Grid f = smoothField(g, cells, rng);
        for (int i = 0; i < g.v.length; i++) {
            g.v[i] *= (float) Math.exp(amplitude * f.v[i]);
        }
    }
}
