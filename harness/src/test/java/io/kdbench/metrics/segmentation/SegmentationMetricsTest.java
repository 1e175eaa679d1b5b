package io.kdbench.metrics.segmentation;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.EmptyPolicy;
import io.kdbench.api.Metric;
import io.kdbench.api.MetricResult;
import io.kdbench.api.Task;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.registry.Registry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentationMetricsTest {
    private static final DatasetInfo SEG = new DatasetInfo("s", Task.SEGMENTATION_2D,
            List.of("background", "liver", "tumour"), List.of(), false);

    /** A 1x8 strip: each character is a label. */
    private static LabelMap strip(String labels) {
        byte[] v = new byte[labels.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (byte) (labels.charAt(i) - '0');
        }
        return LabelMap.of2d(v, 1, v.length);
    }

    private static Sample sample(String id, LabelMap mask) {
        return Sample.of(id, Map.of()).withMask(mask);
    }

    private static Prediction prediction(String id, LabelMap seg) {
        return new Prediction(id, null, seg, null);
    }

    @Test
    void everyIdIsRegistered() {
        Registry<Metric> r = Registry.load(Metric.class, "metric", getClass().getClassLoader());
        assertTrue(r.ids().containsAll(List.of("dice", "iou", "hd[monai]", "hd95[monai]", "hd95[medpy]", "assd")),
                r.ids().toString());
    }

    @Test
    void diceIsAggregatedPerClassThenOverClasses() {
        // case a: liver 1111 vs 1100 -> 2*2/6; tumour absent in both -> NaN (nan) / 1 (penalty)
        // case b: liver 11 vs 11 -> 1; tumour 22 vs none -> 0
        List<Sample> truth = List.of(sample("a", strip("11110000")), sample("b", strip("11002200")));
        List<Prediction> preds = List.of(prediction("a", strip("11000000")), prediction("b", strip("11000000")));
        MetricResult nan = new DiceMetric().evaluate(truth, preds, SEG, EmptyPolicy.NAN);
        double liver = (4.0 / 6 + 1) / 2;
        assertEquals(new MetricResult.Aggregate(liver, 2, 0, 2), nan.aggregate().get("liver"));
        assertEquals(new MetricResult.Aggregate(0, 1, 0, 2), nan.aggregate().get("tumour"));
        assertEquals(new MetricResult.Aggregate(liver / 2, 3, 0, 4), nan.aggregate().get(MetricResult.OVERALL));
        assertTrue(Double.isNaN(nan.perCase().get("a").get("tumour")), "the undefined case is kept as NaN");
        assertEquals(4.0 / 6, nan.perCase().get("a").get("liver"), 1e-15);

        MetricResult pen = new DiceMetric().evaluate(truth, preds, SEG, EmptyPolicy.PENALTY);
        assertEquals(new MetricResult.Aggregate(0.5, 2, 1, 2), pen.aggregate().get("tumour"));
        assertEquals(new MetricResult.Aggregate((liver + 0.5) / 2, 4, 1, 4),
                pen.aggregate().get(MetricResult.OVERALL));
        assertTrue(pen.note().contains("penalty"), pen.note());
    }

    @Test
    void hausdorffOfAStrip() {
        // liver 11110000 vs 00111100: boundaries are the strip ends (1-pixel-high strip: every voxel is boundary)
        List<Sample> truth = List.of(sample("a", strip("00111100")));
        List<Prediction> preds = List.of(prediction("a", strip("11110000")));
        MetricResult hd = new HausdorffMetric().evaluate(truth, preds, SEG, EmptyPolicy.NAN);
        assertEquals(2, hd.aggregate().get("liver").value(), 1e-12);
        // pred->truth: 2,1,0,0 ; truth->pred: 0,0,1,2 -> pooled mean 6/8
        MetricResult assd = new AssdMetric().evaluate(truth, preds, SEG, EmptyPolicy.NAN);
        assertEquals(0.75, assd.aggregate().get("liver").value(), 1e-12);
        assertEquals(0, assd.aggregate().get("tumour").nValid());
    }

    @Test
    void badPredictionsNameTheCase() {
        List<Sample> truth = List.of(sample("a", strip("0011")));
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> new DiceMetric()
                .evaluate(truth, List.of(prediction("a", strip("001"))), SEG, EmptyPolicy.NAN));
        assertTrue(shape.getMessage().startsWith("case a:") && shape.getMessage().contains("1x3"),
                shape.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> new DiceMetric()
                .evaluate(truth, List.of(prediction("a", null)), SEG, EmptyPolicy.NAN));
        assertTrue(missing.getMessage().contains("no segmentation"), missing.getMessage());
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class, () -> new DiceMetric()
                .evaluate(truth, List.of(prediction("a", strip("0031"))), SEG, EmptyPolicy.NAN));
        assertTrue(label.getMessage().contains("label 3"), label.getMessage());
    }
}
