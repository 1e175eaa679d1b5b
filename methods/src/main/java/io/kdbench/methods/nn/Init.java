package io.kdbench.methods.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * Weight initialisation from an explicit Java generator, so a model's initial weights depend only on the
 * seed it was given and not on ND4J's global random state.
 */
public final class Init {
    private final SplittableRandom random;

    public Init(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Truncated-normal-like init: normal(0, std) clipped at 2 std (as in ViT implementations). */
    public INDArray normal(double std, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        float[] w = new float[Math.toIntExact(n)];
        for (int i = 0; i < w.length; i++) {
            double g;
            do {
                g = gaussian();
            } while (Math.abs(g) > 2);
            w[i] = (float) (g * std);
        }
        return Nd4j.create(w, shape, 'c');
    }

    /** He (Kaiming) normal init for a layer with {@code fanIn} inputs, for ReLU-family activations. */
    public INDArray he(long fanIn, long... shape) {
        return normal(Math.sqrt(2.0 / fanIn), shape);
    }

    /** Xavier (Glorot) normal init for linear / attention projections. */
    public INDArray xavier(long fanIn, long fanOut, long... shape) {
        return normal(Math.sqrt(2.0 / (fanIn + fanOut)), shape);
    }

    public static INDArray zeros(long... shape) {
        return Nd4j.zeros(DataType.FLOAT, shape);
    }

    public static INDArray ones(long... shape) {
        return Nd4j.ones(DataType.FLOAT, shape);
    }

    /** Box-Muller from the seeded generator. */
    private double gaussian() {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(Math.max(u1, 1e-300))) * Math.cos(2 * Math.PI * u2);
    }
}
