package io.kdbench.datasets.synthetic.draw;

import java.util.SplittableRandom;

/**
 * A star-shaped region whose radius varies smoothly with angle: an ellipse whose boundary is perturbed by
 * a few low harmonics, r(t) = 1 + sum a_k cos(k t + p_k). Organs, lesions and objects are drawn with it;
 * larger high-harmonic amplitudes give irregular ("spiculated") outlines.
 */
public final class SmoothShape implements Shape2d {
    private final Ellipse base;
    private final double[] amplitude;
    private final double[] phase;

    public SmoothShape(Ellipse base, double[] amplitude, double[] phase) {
        this.base = base;
        this.amplitude = amplitude.clone();
        this.phase = phase.clone();
    }

    /**
     * Random harmonics 2..(1+harmonics), amplitude roughness/k^decay (decay 1 gives sharper lobes than 2).
     */
    public static SmoothShape random(Ellipse base, int harmonics, double roughness, double decay, SplittableRandom rng) {
        double[] a = new double[harmonics];
        double[] p = new double[harmonics];
        for (int i = 0; i < harmonics; i++) {
            int k = i + 2;
            a[i] = roughness * (0.5 + 0.5 * rng.nextDouble()) / Math.pow(k - 1, decay);
            p[i] = rng.nextDouble() * 2 * Math.PI;
        }
        return new SmoothShape(base, a, p);
    }

    /** The same outline moved and scaled onto another base ellipse. */
    public SmoothShape withBase(Ellipse other) {
        return new SmoothShape(other, amplitude, phase);
    }

    public Ellipse base() {
        return base;
    }

    @Override
    public double level(double y, double x) {
        double dy = y - base.cy();
        double dx = x - base.cx();
        double c = Math.cos(base.angle());
        double s = Math.sin(base.angle());
        double u = (c * dy - s * dx) / base.ry();
        double w = (s * dy + c * dx) / base.rx();
        double rho = Math.sqrt(u * u + w * w);
        double t = Math.atan2(u, w);
        double r = 1.0;
        for (int i = 0; i < amplitude.length; i++) {
            r += amplitude[i] * Math.cos((i + 2) * t + phase[i]);
        }
        return rho / Math.max(r, 0.2);
    }
}
