package io.kdbench.methods.train;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** AdamW against values worked out by hand, clipping, decoupled decay, and untouched parameters without a gradient. */
class AdamWTest {

    @Test
    void firstStepMovesEachWeightByTheLearningRateAgainstItsGradientSign() {
        // step 1: m = 0.1 g, v = 0.001 g^2, m / (1 - 0.9) = g, v / (1 - 0.999) = g^2 -> update lr g / (|g| + eps)
        INDArray p = Nd4j.createFromArray(1f, -2f, 0.5f);
        INDArray g = Nd4j.createFromArray(0.5f, -4f, 0f);
        new AdamW(List.of(p)).step(List.of(p), List.of(g), 0.1, 0, 0);
        assertArrayEquals(new float[] {1 - 0.1f * (float) (0.5 / (0.5 + 1e-8)), -2 + 0.1f, 0.5f},
                p.toFloatVector(), 1e-6f);
    }

    @Test
    void secondStepFollowsTheBiasCorrectedMoments() {
        INDArray p = Nd4j.createFromArray(0f);
        AdamW adam = new AdamW(List.of(p));
        adam.step(List.of(p), List.of(Nd4j.createFromArray(1f)), 0.01, 0, 0);
        adam.step(List.of(p), List.of(Nd4j.createFromArray(3f)), 0.01, 0, 0);
        double m = 0.9 * 0.1 + 0.1 * 3;               // 0.39
        double v = 0.999 * 0.001 + 0.001 * 9;         // 0.009999
        double expected = -0.01 - 0.01 * (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.999 * 0.999)) + 1e-8);
        assertEquals(expected, p.getDouble(0), 1e-7);
    }

    @Test
    void clippingScalesAllGradientsByOneFactorAndDecayIsDecoupled() {
        INDArray a = Nd4j.createFromArray(2f);
        INDArray b = Nd4j.createFromArray(4f);
        // global norm 5, clipped to 1: on step 1 the clipped gradient's sign alone moves the weights
        double norm = new AdamW(List.of(a, b)).step(List.of(a, b),
                List.of(Nd4j.createFromArray(3f), Nd4j.createFromArray(4f)), 0.1, 0.5, 1.0);
        assertEquals(5.0, norm, 1e-6);
        assertEquals(2 - 0.1 - 0.1 * 0.5 * 2, a.getDouble(0), 1e-6, "decay lr * wd * p on top of the Adam step");
        assertEquals(4 - 0.1 - 0.1 * 0.5 * 4, b.getDouble(0), 1e-6);
    }

    @Test
    void aParameterWithoutGradientIsLeftAlone() {
        INDArray a = Nd4j.createFromArray(1f, 2f);
        INDArray b = Nd4j.createFromArray(3f);
        new AdamW(List.of(a, b)).step(List.of(a, b), Arrays.asList(null, Nd4j.createFromArray(1f)), 0.1, 0.1, 0);
        assertArrayEquals(new float[] {1f, 2f}, a.toFloatVector());
    }

    @Test
    void aGradientViewIsReadInRowMajorOrder() {
        INDArray p = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 2);
        INDArray g = Nd4j.createFromArray(new float[][] {{1, -1}, {2, -2}}).transpose(); // a view: [[1, 2], [-1, -2]]
        new AdamW(List.of(p)).step(List.of(p), List.of(g), 1.0, 0, 0);
        assertArrayEquals(new float[] {-1, -1, 1, 1}, p.reshape(4).toFloatVector(), 1e-6f);
    }
}
