package io.kdbench.metrics.localization;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.EmptyPolicy;
import io.kdbench.api.MetricResult;
import io.kdbench.api.Task;
import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaliencyLocalizationTest {
    private static final DatasetInfo CLS = new DatasetInfo("c", Task.CLASSIFICATION, List.of("no", "yes"), List.of(),
            false);

    /** 4x4 ROI: rows 1..2, cols 1..2. */
    private static LabelMap roi() {
        byte[] v = new byte[16];
        v[5] = v[6] = v[9] = v[10] = 1;
        return LabelMap.of2d(v, 4, 4);
    }

    @Test
    void aMapEqualToTheRoiLocalisesPerfectly() {
        float[] map = new float[16];
        map[5] = map[6] = map[9] = map[10] = 1f;
        assertEquals(1.0, SaliencyLocalization.pixelAuroc(map, roi()).value(), 1e-12);
        assertEquals(1.0, SaliencyLocalization.bestBoxIou(map, roi()), 1e-12);
        assertEquals(0.0, SaliencyLocalization.outsideMass(map, roi()), 1e-12);
    }

    @Test
    void knownValuesOfAnOffsetMap() {
        // mass 3 on (1,1) inside, 1 on (0,3) outside, 0 elsewhere
        float[] map = new float[16];
        map[5] = 3f;
        map[3] = 1f;
        assertEquals(0.25, SaliencyLocalization.outsideMass(map, roi()), 1e-12);
        // box of {(1,1)} = 1 voxel vs ROI box 4 voxels: 0.25; box adding (0,3) = rows 0..1 x cols 1..3 = 6 voxels,
        // intersection 2 -> 2/8; best 0.25
        assertEquals(0.25, SaliencyLocalization.bestBoxIou(map, roi()), 1e-12);
        // positives: 3, 0, 0, 0; negatives: one 1 and eleven 0 -> (12 + 3 * 11 * 0.5) / 48
        assertEquals((12 + 16.5) / 48, SaliencyLocalization.pixelAuroc(map, roi()).value(), 1e-12);
    }

    @Test
    void thresholdIndexing() {
        assertEquals(-1, SaliencyLocalization.highestThreshold(0.04));
        assertEquals(0, SaliencyLocalization.highestThreshold(0.05));
        assertEquals(2, SaliencyLocalization.highestThreshold(0.15));
        assertEquals(18, SaliencyLocalization.highestThreshold(1.0));
    }

    @Test
    void coarseMapsAreSampledNearest() {
        Image coarse = Image.of2d(new float[] {1, 2, 3, 4}, 1, 2, 2);
        float[] fine = SaliencyLocalization.onGrid(coarse, roi());
        assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, fine);
    }

    @Test
    void metricCountsCasesLeftOut() {
        float[] good = new float[16];
        good[5] = good[6] = good[9] = good[10] = 1f;
        List<Sample> truth = List.of(
                Sample.of("a", Map.of()).withLabel(1).withMask(roi()),
                Sample.of("b", Map.of()).withLabel(0),
                Sample.of("c", Map.of()).withLabel(1).withMask(roi()));
        List<Prediction> preds = List.of(
                new Prediction("a", new double[] {0, 1}, null, Image.of2d(good, 1, 4, 4)),
                new Prediction("b", new double[] {1, 0}, null, Image.of2d(good, 1, 4, 4)),
                new Prediction("c", new double[] {0, 1}, null, Image.of2d(new float[16], 1, 4, 4)));
        MetricResult r = new LocalizationBoxIouMetric().evaluate(truth, preds, CLS, EmptyPolicy.NAN);
        assertEquals(new MetricResult.Aggregate(1.0, 1, 0, 3), r.aggregate().get(MetricResult.OVERALL));
        assertTrue(r.note().contains("1 without a ROI") && r.note().contains("1 undefined"), r.note());
        assertTrue(Double.isNaN(r.perCase().get("c").get(MetricResult.OVERALL)));

        List<Prediction> none = List.of(new Prediction("a", new double[] {0, 1}, null, null),
                new Prediction("b", new double[] {1, 0}, null, null),
                new Prediction("c", new double[] {0, 1}, null, null));
        MetricResult nan = new LocalizationAurocMetric().evaluate(truth, none, CLS, EmptyPolicy.NAN);
        assertTrue(Double.isNaN(nan.overall()));
        assertTrue(nan.note().contains("no prediction carries an attention map"));
    }
}
