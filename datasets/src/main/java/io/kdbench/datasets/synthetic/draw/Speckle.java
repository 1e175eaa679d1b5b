package io.kdbench.datasets.synthetic.draw;

import io.kdbench.datasets.raster.Grid;
import io.kdbench.datasets.transform.Smoothing;

import java.util.SplittableRandom;

/** Ultrasound look: multiplicative, spatially correlated speckle and acoustic shadowing below strong reflectors. */
public final class Speckle {
    private Speckle() {
    }

    /**
     * Multiplies by the envelope of a blurred complex gaussian field (Rayleigh distributed, mean 1), so the
     * grain has a size of about {@code grain} pixels, mixed with 1 by {@code strength} (0: none, 1: full).
     */
    public static void multiply(Grid g, double grain, double strength, SplittableRandom rng) {
        Grid re = new Grid(g.depth, g.height, g.width);
        Grid im = new Grid(g.depth, g.height, g.width);
        for (int i = 0; i < re.v.length; i++) {
            re.v[i] = (float) rng.nextGaussian();
            im.v[i] = (float) rng.nextGaussian();
        }
        Smoothing.gaussian2d(re, grain);
        Smoothing.gaussian2d(im, grain);
        double sum = 0;
        float[] env = new float[g.v.length];
        for (int i = 0; i < env.length; i++) {
            env[i] = (float) Math.hypot(re.v[i], im.v[i]);
            sum += env[i];
        }
        double mean = sum / env.length;
        for (int i = 0; i < env.length; i++) {
            g.v[i] *= (float) (1 - strength + strength * env[i] / mean);
        }
    }

    /**
     * Attenuates each column below a reflector: walking down (the beam direction, y), intensity is
     * multiplied by exp(-strength * sum of the reflector map above). Shadows fall behind bright bone.
     */
    public static void shadow(Grid g, Grid reflectors, double strength) {
        for (int x = 0; x < g.width; x++) {
            double acc = 0;
            for (int y = 0; y < g.height; y++) {
                int i = g.index(0, y, x);
                g.v[i] *= (float) Math.exp(-strength * acc);
                acc += Math.max(0, reflectors.v[i]);
            }
        }
    }
}
