package io.kdbench.methods.nn;

import io.kdbench.methods.fedkd.DualKdLosses;
import io.kdbench.methods.hdc.HdcLosses;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each segmentation loss term on tiny known tensors against a value computed by hand. Logits are one sample,
 * K = 2 classes, 2 pixels (2-D, 1 x 2): [B=1, K=2, H=1, W=2].
 */
class SegmentationLossTermsTest {
    // pixel 0 logits (0, ln 3) -> p = (1/4, 3/4); pixel 1 logits (0, 0) -> p = (1/2, 1/2)
    static final float LN3 = (float) Math.log(3);

    static INDArray logits() {
        return Nd4j.create(new float[] {0, 0, LN3, 0}, new long[] {1, 2, 1, 2}, 'c');
    }

    static double eval(Function<SameDiff, SDVariable> f) {
        SameDiff sd = SameDiff.create();
        SDVariable out = f.apply(sd);
        return sd.output(java.util.Map.of(), out.name()).get(out.name()).getDouble(0);
    }

    // targets [B, S, K]: pixel 0 is class 1, pixel 1 is class 0
    static INDArray target() {
        return Nd4j.create(new float[] {0, 1, 1, 0}, new long[] {1, 2, 2}, 'c');
    }

    @Test
    void diceAndCrossEntropyMatchHandValues() {
        double ce = eval(sd -> SegmentationLosses.crossEntropy(sd, SegmentationLosses.rows(sd.constant(logits()), 2, false),
                sd.constant(target()), 2));
        assertEquals((-Math.log(0.75) - Math.log(0.5)) / 2, ce, 1e-5);
        // class 0: sum p = 0.25 + 0.5, sum g = 1, inter = 0.5 -> 1 - (1 + 1) / (1.75 + 1)
        // class 1: sum p = 0.75 + 0.5, sum g = 1, inter = 0.75 -> 1 - (1.5 + 1) / (2.25 + 1)
        double dice = ((1 - 2 / 2.75) + (1 - 2.5 / 3.25)) / 2;
        double d = eval(sd -> SegmentationLosses.dice(SegmentationLosses.softmaxRows(sd,
                SegmentationLosses.rows(sd.constant(logits()), 2, false)), sd.constant(target()), 2, 2));
        assertEquals(dice, d, 1e-5);
        double both = eval(sd -> SegmentationLosses.diceCe(sd, sd.constant(logits()), sd.constant(target()), 2, 2, false));
        assertEquals(0.5 * (dice + (-Math.log(0.75) - Math.log(0.5)) / 2), both, 1e-5);
    }

    /** Rare-foreground datasets: the Dice term over the foreground classes only (nnU-Net's do_bg=False). */
    @Test
    void foregroundOnlyDiceLeavesOutTheBackground() {
        double fg = 1 - 2.5 / 3.25; // class 1 as above
        double d = eval(sd -> SegmentationLosses.dice(SegmentationLosses.softmaxRows(sd,
                SegmentationLosses.rows(sd.constant(logits()), 2, false)), sd.constant(target()), 2, 2, false));
        assertEquals(fg, d, 1e-5);
        double both = eval(sd -> SegmentationLosses.diceCe(sd, sd.constant(logits()), sd.constant(target()), 2, 2, false,
                false));
        assertEquals(0.5 * (fg + (-Math.log(0.75) - Math.log(0.5)) / 2), both, 1e-5);
        // three classes, two samples: the mean over classes 1 and 2 of each sample, then over samples
        INDArray logits3 = Nd4j.create(new float[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, new long[] {2, 3, 1, 2}, 'c');
        INDArray target3 = Nd4j.create(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1}, new long[] {2, 2, 3}, 'c');
        // p = 1/3 everywhere; sample 0: class 1 inter 1/3, sum p 2/3, sum g 1 -> 1 - (2/3 + 1) / (2/3 + 2);
        // class 2 inter 0, g 0 -> 1 - 1 / (2/3 + 1); sample 1: class 1 g 0 -> 1 - 1 / (5/3); class 2 g 2, inter 2/3
        double c1 = 1 - (5.0 / 3) / (8.0 / 3), c2 = 1 - 1 / (5.0 / 3), c3 = 1 - (4.0 / 3 + 1) / (2.0 / 3 + 3);
        double d3 = eval(sd -> SegmentationLosses.dice(SegmentationLosses.softmaxRows(sd,
                SegmentationLosses.rows(sd.constant(logits3), 3, false)), sd.constant(target3), 2, 3, false));
        assertEquals(((c1 + c2) / 2 + (c2 + c3) / 2) / 2, d3, 1e-5);
    }

    /** Class-weighted CE: the mean over voxels of w[y] * -log p[y] (pixel 0 is class 1, pixel 1 class 0). */
    @Test
    void weightedCrossEntropyWeighsEachVoxelByItsClass() {
        float[] w = {0.5f, 2f};
        double ce = (2 * -Math.log(0.75) + 0.5 * -Math.log(0.5)) / 2;
        double fg = 1 - 2.5 / 3.25;
        double both = eval(sd -> SegmentationLosses.diceCe(sd, sd.constant(logits()), sd.constant(target()), 2, 2, false,
                false, w));
        assertEquals(0.5 * (fg + ce), both, 1e-5);
        double plain = eval(sd -> SegmentationLosses.diceCe(sd, sd.constant(logits()), sd.constant(target()), 2, 2, false,
                true, null));
        assertEquals(0.5 * (((1 - 2 / 2.75) + (1 - 2.5 / 3.25)) / 2 + (-Math.log(0.75) - Math.log(0.5)) / 2), plain, 1e-5);
    }

    @Test
    void softmaxMseIsTheMeanSquaredGapOverPixelsAndClasses() {
        // student p = (1/4, 3/4), (1/2, 1/2); teacher (0, 1), (1, 0): gaps (1/4, -1/4), (-1/2, 1/2)
        // mean of 1/16, 1/16, 1/4, 1/4 = 5/32
        double v = eval(sd -> SegmentationLosses.softmaxMse(sd, sd.constant(logits()), sd.constant(target()), 2, false));
        assertEquals(5.0 / 32, v, 1e-6);
        // the teacher equal to the student's own probabilities: no gap
        INDArray same = Nd4j.create(new float[] {0.25f, 0.75f, 0.5f, 0.5f}, new long[] {1, 2, 2}, 'c');
        assertEquals(0.0, eval(sd -> SegmentationLosses.softmaxMse(sd, sd.constant(logits()), sd.constant(same), 2, false)),
                1e-7);
    }

    @Test
    void maskedPseudoLabelCrossEntropyAveragesOverAllPixels() {
        INDArray mask = Nd4j.create(new float[] {1, 0}, new long[] {1, 2}, 'c');
        double v = eval(sd -> SegmentationLosses.maskedCrossEntropy(sd, sd.constant(logits()), sd.constant(target()),
                sd.constant(mask), 2, false));
        assertEquals(-Math.log(0.75) / 2, v, 1e-5);
    }

    @Test
    void responseKdIsTheMaskedSoftmaxMseOfTheCode() {
        INDArray teacher = Nd4j.create(new float[] {0, 1, 1, 0}, new long[] {1, 2, 2}, 'c');
        INDArray mask = Nd4j.create(new float[] {1, 1}, new long[] {1, 2}, 'c');
        // pixel 0: (0.25-0)^2 + (0.75-1)^2 = 0.125; pixel 1: 0.25 + 0.25 = 0.5; / (2 * 2)
        double v = eval(sd -> DualKdLosses.response(sd, sd.constant(logits()), sd.constant(teacher), sd.constant(mask), 2, false));
        assertEquals(0.625 / 4, v, 1e-6);
        INDArray half = Nd4j.create(new float[] {0, 1}, new long[] {1, 2}, 'c');
        double w = eval(sd -> DualKdLosses.response(sd, sd.constant(logits()), sd.constant(teacher), sd.constant(half), 2, false));
        assertEquals(0.5 / 2, w, 1e-6);
    }

    @Test
    void featureKdIsChannelSoftmaxKlWithMeanReduction() {
        // student features = logits() (channel softmax as above); teacher features: pixel 0 (0, 0), pixel 1 (ln 3, 0)
        INDArray teacher = Nd4j.create(new float[] {0, LN3, 0, 0}, new long[] {1, 2, 1, 2}, 'c');
        // KL per pixel: sum_c q_c (log q_c - log p_c); mean over B*C*voxels = 4 elements
        double kl0 = 0.5 * Math.log(0.5 / 0.25) + 0.5 * Math.log(0.5 / 0.75);
        double kl1 = 0.75 * Math.log(0.75 / 0.5) + 0.25 * Math.log(0.25 / 0.5);
        double v = eval(sd -> DualKdLosses.feature(sd, sd.constant(logits()), sd.constant(teacher), 2, false));
        assertEquals((kl0 + kl1) / 4, v, 1e-6);
    }

    @Test
    void correlationGuidanceComparesChannelCosineGrams() {
        // student: channel 0 = (1, 0), channel 1 = (0, 1) -> G = I; teacher: both channels (1, 1) -> G = all ones
        INDArray s = Nd4j.create(new float[] {1, 0, 0, 1}, new long[] {1, 2, 1, 2}, 'c');
        INDArray t = Nd4j.create(new float[] {1, 1, 1, 1}, new long[] {1, 2, 1, 2}, 'c');
        double v = eval(sd -> HdcLosses.correlationGuidance(sd, sd.constant(s), sd.constant(t), 2, 2));
        assertEquals(2.0 / 4, v, 1e-5); // off-diagonals differ by 1, mean over 4 entries
    }

    @Test
    void mutualInformationIsIicOnTheJointDistribution() {
        // identical one-hot-like predictions: logits huge so p is (1,0) at pixel 0 and (0,1) at pixel 1
        INDArray l = Nd4j.create(new float[] {30, -30, -30, 30}, new long[] {1, 2, 1, 2}, 'c');
        // J = diag(1/2, 1/2), marginals 1/2 -> MI = ln 2, loss = -ln 2
        assertEquals(-Math.log(2), eval(sd -> HdcLosses.mutualInformation(sd, sd.constant(l), sd.constant(l), 2, false)), 1e-5);
        // logits() vs itself: J = (1/2)[p0 p0^T + p1 p1^T] computed by hand
        double[][] p = {{0.25, 0.75}, {0.5, 0.5}};
        double[][] j = new double[2][2];
        for (double[] r : p) {
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    j[a][b] += r[a] * r[b] / 2;
                }
            }
        }
        double[] m = {j[0][0] + j[0][1], j[1][0] + j[1][1]};
        double mi = 0;
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                mi += j[a][b] * Math.log(j[a][b] / (m[a] * m[b]));
            }
        }
        assertEquals(-mi, eval(sd -> HdcLosses.mutualInformation(sd, sd.constant(logits()), sd.constant(logits()), 2, false)), 1e-5);
    }
}
