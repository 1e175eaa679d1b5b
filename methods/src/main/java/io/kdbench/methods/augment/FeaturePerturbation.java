package io.kdbench.methods.augment;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.SplittableRandom;

/**
 * Feature perturbation for a noisy decoder, drawn on the host from a seeded generator (so runs are
 * bit-identical) and fed to the graph as a multiplier of the features: channel dropout (Dropout2d-style,
 * kept channels scaled by 1/(1-p)) times uniform multiplicative noise 1 + U(-r, r) per element (CCT / UniMatch).
 */
public final class FeaturePerturbation {
    private final double dropout;
    private final double noise;

    public FeaturePerturbation(double dropout, double noise) {
        if (dropout < 0 || dropout >= 1 || noise < 0) {
            throw new IllegalArgumentException("need dropout in [0, 1) and noise >= 0, got " + dropout + ", " + noise);
        }
        this.dropout = dropout;
        this.noise = noise;
    }

    /** A multiplier of shape [batch, channels, spatial...]. */
    public INDArray multiplier(long[] shape, SplittableRandom rng) {
        int per = 1;
        for (int i = 2; i < shape.length; i++) {
            per *= (int) shape[i];
        }
        int b = (int) shape[0], c = (int) shape[1];
        float[] m = new float[b * c * per];
        for (int i = 0; i < b * c; i++) {
            float keep = rng.nextDouble() < dropout ? 0f : (float) (1 / (1 - dropout));
            for (int j = 0; j < per; j++) {
                m[i * per + j] = keep * (float) (1 + noise * (2 * rng.nextDouble() - 1));
            }
        }
        return Nd4j.create(m, shape, 'c');
    }
}
