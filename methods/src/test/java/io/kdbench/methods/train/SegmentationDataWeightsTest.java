package io.kdbench.methods.train;

import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Sample;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The supervised CE's class weights: none by default, 1 / sqrt(share) scaled to mean 1 where the foreground is rare. */
class SegmentationDataWeightsTest {

    /** A 1 x 4 x 4 case with {@code fg} voxels of class 1 (the rest background). */
    private static Sample sample(String id, int fg) {
        byte[] labels = new byte[16];
        for (int i = 0; i < fg; i++) {
            labels[i] = 1;
        }
        float[] v = new float[16];
        for (int i = 0; i < 16; i++) {
            v[i] = i;
        }
        double[] spacing = {3, 1, 1};
        return Sample.of(id, Map.of("image", new Image(v, 1, 1, 4, 4, spacing)))
                .withMask(new LabelMap(labels, 1, 4, 4, spacing));
    }

    @Test
    void weightsAreInverseSquareRootSharesWithMeanOne() {
        // 32 voxels, 2 of class 1 (share 1/16), 30 of class 0 (15/16), class 2 absent
        List<Sample> s = List.of(sample("a", 1), sample("b", 1));
        assertNull(new SegmentationData(s, "image", 3, false).ceWeights());
        assertNull(new SegmentationData(s, "image", 3, false, true).ceWeights());
        float[] w = new SegmentationData(s, "image", 3, false, false).ceWeights();
        double norm = Math.sqrt(15.0 / 16) + Math.sqrt(1.0 / 16);
        assertArrayEquals(new float[] {(float) (1 / (norm * Math.sqrt(15.0 / 16))), (float) (1 / (norm * 0.25)), 1f}, w,
                1e-6f);
        // the mean weight over the labelled voxels is 1
        assertArrayEquals(new float[] {1f}, new float[] {(float) (w[0] * 15.0 / 16 + w[1] / 16.0)}, 1e-6f);
    }
}
