package io.kdbench.methods.train;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Pseudo-labels and trust masks on a batch of 2 samples x 2 voxels x 3 classes, values exact in binary. */
class PseudoLabelsTest {
    // sample 0: voxel 0 favours class 1, voxel 1 class 0; sample 1: voxel 0 ties classes 0 and 1, voxel 1 favours 2
    static final float[][][] PROBS = {
            {{0.25f, 0.75f, 0f}, {0.5f, 0.25f, 0.25f}},
            {{0.5f, 0.5f, 0f}, {0.125f, 0.125f, 0.75f}},
    };

    static float[] values(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    @Test
    void hardIsTheOneHotArgMaxAndATieGoesToTheFirstClass() {
        INDArray hard = PseudoLabels.hard(PROBS);
        assertArrayEquals(new long[] {2, 2, 3}, hard.shape());
        assertArrayEquals(new float[] {0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1}, values(hard));
    }

    @Test
    void confidenceMaskKeepsVoxelsWhoseLargestProbabilityIsAboveTheThreshold() {
        // largest probabilities 0.75, 0.5, 0.5, 0.75: 0.5 is not above 0.5
        INDArray mask = PseudoLabels.confidenceMask(PROBS, 0.5);
        assertArrayEquals(new long[] {2, 2}, mask.shape());
        assertArrayEquals(new float[] {1, 0, 0, 1}, values(mask));
        assertArrayEquals(new float[] {1, 1, 1, 1}, values(PseudoLabels.confidenceMask(PROBS, 0.25)));
        assertArrayEquals(new float[] {0, 0, 0, 0}, values(PseudoLabels.confidenceMask(PROBS, 0.75)));
    }

    @Test
    void meanAveragesThePassesVoxelByVoxel() {
        float[][][] other = {
                {{0.75f, 0.25f, 0f}, {0.5f, 0.25f, 0.25f}},
                {{0f, 1f, 0f}, {0.375f, 0.125f, 0.5f}},
        };
        float[][][] mean = PseudoLabels.mean(List.of(PROBS, other));
        assertArrayEquals(new float[] {0.5f, 0.5f, 0f}, mean[0][0]);
        assertArrayEquals(new float[] {0.5f, 0.25f, 0.25f}, mean[0][1]);
        assertArrayEquals(new float[] {0.25f, 0.75f, 0f}, mean[1][0]);
        assertArrayEquals(new float[] {0.25f, 0.125f, 0.625f}, mean[1][1]);
    }

    @Test
    void entropyMaskKeepsVoxelsWhoseEntropyIsBelowTheThreshold() {
        // (1/2, 1/2): entropy -ln(0.500001) = 0.693145; (1, 0): -ln(1.000001) = -1e-6, about 0
        float[][][] mean = {{{0.5f, 0.5f}, {1f, 0f}}};
        assertArrayEquals(new float[] {0, 1}, values(PseudoLabels.entropyMask(mean, 0.69)));
        assertArrayEquals(new float[] {1, 1}, values(PseudoLabels.entropyMask(mean, 0.6932)));
        assertArrayEquals(new float[] {0, 0}, values(PseudoLabels.entropyMask(mean, -1e-5)));
    }
}
