package io.kdbench.methods.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each loss term on tiny known tensors against a value worked out by hand (in doubles). */
class LossesTest {

    private static double eval(SameDiff sd, SDVariable v) {
        return sd.output(Map.<String, INDArray>of(), v.name()).get(v.name()).getDouble(0);
    }

    @Test
    void hintonKdMatchesTheFormula() {
        SameDiff sd = SameDiff.create();
        SDVariable zs = sd.constant(Nd4j.createFromArray(new float[][] {{1, 0}, {0, 2}}));
        SDVariable zt = sd.constant(Nd4j.createFromArray(new float[][] {{2, 0}, {0, 0}}));
        double t = 2;
        double expected = 0;
        double[][] s = {{1, 0}, {0, 2}}, te = {{2, 0}, {0, 0}};
        for (int n = 0; n < 2; n++) {
            double[] ps = softmax(s[n], t), pt = softmax(te[n], t);
            for (int k = 0; k < 2; k++) {
                expected += pt[k] * (Math.log(pt[k]) - Math.log(ps[k]));
            }
        }
        expected = t * t * expected / 2;
        assertEquals(expected, eval(sd, Losses.hintonKd(sd, zs, zt, t)), 1e-6);
    }

    @Test
    void crossEntropyGradientIsSoftmaxMinusTargetsWithTheShiftCutFromTheGradient() {
        // d/dz of -mean_n sum_k y log softmax(z) is (softmax(z) - y) / N: the stop-gradient on the row max in
        // logSoftmax must leave it unchanged (the value does not depend on the shift)
        SameDiff sd = SameDiff.create();
        float[][] logits = {{3, -1, 0.5f}, {0.2f, 0.2f, 4}};
        float[][] targets = {{0, 1, 0}, {0.5f, 0.5f, 0}};
        SDVariable z = sd.var("z", Nd4j.createFromArray(logits));
        SDVariable y = sd.constant(Nd4j.createFromArray(targets));
        Losses.crossEntropy(sd, z, y).rename("ce");
        sd.setLossVariables("ce");
        INDArray grad = sd.calculateGradients(Map.of(), "z").get("z");
        for (int n = 0; n < 2; n++) {
            double[] p = softmax(new double[] {logits[n][0], logits[n][1], logits[n][2]}, 1);
            for (int k = 0; k < 3; k++) {
                assertEquals((p[k] - targets[n][k]) / 2, grad.getDouble(n, k), 1e-6, "row " + n + " class " + k);
            }
        }
    }

    @Test
    void featureMatchingAndMmdMatchTheirFormulas() {
        SameDiff sd = SameDiff.create();
        SDVariable a = sd.constant(Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}, {0, 0}}));
        SDVariable b = sd.constant(Nd4j.createFromArray(new float[][] {{0, 2}, {1, 1}, {2, 0}}));
        SDVariable y = sd.constant(Nd4j.createFromArray(new float[][] {{1, 0}, {1, 0}, {0, 1}}));
        // squared differences: (1,0), (4,9), (4,0) -> sum 18 over 6 elements
        assertEquals(18.0 / 6, eval(sd, Losses.featureMatching(sd, a, b)), 1e-6);
        // means: a (4/3, 2), b (1, 1) -> (1/3)^2 + 1^2
        assertEquals(1.0 / 9 + 1, eval(sd, Losses.linearMmd(sd, a, b)), 1e-6);
        // class 0: mean a (2, 3), mean b (0.5, 1.5) -> 2.25 + 2.25; class 1: a (0,0), b (2,0) -> 4
        assertEquals(2.25 + 2.25 + 4, eval(sd, Losses.classConditionalMmd(sd, a, b, y)), 1e-5);
    }

    @Test
    void crossEntropyAndBinaryTermsMatchTheirFormulas() {
        SameDiff sd = SameDiff.create();
        SDVariable z = sd.constant(Nd4j.createFromArray(new float[][] {{0.5f, -1}}));
        SDVariable y = sd.constant(Nd4j.createFromArray(new float[][] {{0, 1}}));
        double[] p = softmax(new double[] {0.5, -1}, 1);
        assertEquals(-Math.log(p[1]), eval(sd, Losses.crossEntropy(sd, z, y)), 1e-6);
        double s0 = 1 / (1 + Math.exp(-0.5)), s1 = 1 / (1 + Math.exp(1));
        assertEquals((-Math.log(1 - s0) - Math.log(s1)) / 2, eval(sd, Losses.binaryCrossEntropy(sd, z, y)), 1e-6);
        // Bernoulli KL with teacher probabilities q at T = 2
        SDVariable q = sd.constant(Nd4j.createFromArray(new float[][] {{0.8f, 0.3f}}));
        double u0 = 1 / (1 + Math.exp(-0.25)), u1 = 1 / (1 + Math.exp(0.5));
        double kl = bernoulliKl(0.8, u0) + bernoulliKl(0.3, u1);
        assertEquals(4 * kl / 2, eval(sd, Losses.binaryDistillationKl(sd, z, q, 2)), 1e-5);
    }

    @Test
    void groupedCrossEntropyIsTheSumOfEachTasksCrossEntropy() {
        SameDiff sd = SameDiff.create();
        // tasks of sizes 2 and 3 side by side
        SDVariable z = sd.constant(Nd4j.createFromArray(new float[][] {{1, -1, 0.5f, 2, 0}, {0, 3, -2, 0, 1}}));
        SDVariable y = sd.constant(Nd4j.createFromArray(new float[][] {{1, 0, 0, 1, 0}, {0, 1, 0, 0, 1}}));
        SDVariable g = sd.constant(Nd4j.createFromArray(new float[][] {{1, 0}, {1, 0}, {0, 1}, {0, 1}, {0, 1}}));
        double expected = (-Math.log(softmax(new double[] {1, -1}, 1)[0]) - Math.log(softmax3(0.5, 2, 0)[1])
                - Math.log(softmax(new double[] {0, 3}, 1)[1]) - Math.log(softmax3(-2, 0, 1)[2])) / 2;
        assertEquals(expected, eval(sd, Losses.groupedCrossEntropy(sd, z, y, g)), 1e-5);
    }

    private static double[] softmax3(double a, double b, double c) {
        double s = Math.exp(a) + Math.exp(b) + Math.exp(c);
        return new double[] {Math.exp(a) / s, Math.exp(b) / s, Math.exp(c) / s};
    }

    @Test
    void stopGradientBlocksTheGradient() {
        SameDiff sd = SameDiff.create();
        SDVariable w = sd.var("w", Nd4j.createFromArray(2f));
        SDVariable loss = w.mul(3).add(Losses.stopGradient(sd, w.mul(w)));
        loss.rename("loss");
        sd.setLossVariables("loss");
        assertEquals(3.0, sd.calculateGradients(Map.of(), "w").get("w").getDouble(0), 1e-6);
    }

    static double[] softmax(double[] z, double t) {
        double m = Math.max(z[0], z[1]);
        double[] e = new double[z.length];
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            e[i] = Math.exp((z[i] - m) / t);
            s += e[i];
        }
        for (int i = 0; i < z.length; i++) {
            e[i] /= s;
        }
        return e;
    }

    private static double bernoulliKl(double q, double p) {
        return q * Math.log(q / p) + (1 - q) * Math.log((1 - q) / (1 - p));
    }
}
