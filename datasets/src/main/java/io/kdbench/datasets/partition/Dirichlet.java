package io.kdbench.datasets.partition;

import java.util.SplittableRandom;

/** Draws from a symmetric Dirichlet(alpha) distribution via normalised gamma variates. */
public final class Dirichlet {
    private Dirichlet() {
    }

    public static double[] sample(int k, double alpha, SplittableRandom rng) {
        double[] p = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            p[i] = gamma(alpha, rng);
            sum += p[i];
        }
        if (sum <= 0) { // every variate underflowed (tiny alpha): one client takes all, as the limit says
            p[rng.nextInt(k)] = 1;
            return p;
        }
        for (int i = 0; i < k; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang; shapes below 1 by the boost Gamma(a+1) * U^(1/a). */
    static double gamma(double shape, SplittableRandom rng) {
        if (shape < 1) {
            double u = rng.nextDouble();
            return gamma(shape + 1, rng) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
