package io.kdbench.metrics.classification;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.EmptyPolicy;
import io.kdbench.api.Metric;
import io.kdbench.api.MetricResult;
import io.kdbench.api.Task;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.registry.Registry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassificationMetricsTest {
    private static final DatasetInfo BINARY = new DatasetInfo("b", Task.CLASSIFICATION, List.of("benign", "malignant"),
            List.of(), false);
    private static final DatasetInfo THREE = new DatasetInfo("t", Task.CLASSIFICATION, List.of("a", "b", "c"),
            List.of(), false);
    private static final DatasetInfo MULTI = new DatasetInfo("m", Task.MULTILABEL_CLASSIFICATION,
            List.of("x", "y"), List.of(), false);

    static Sample sample(String id, int label, float[] targets) {
        return Sample.of(id, Map.of()).withLabel(label).withTargets(targets);
    }

    static Prediction prediction(String id, double... p) {
        return new Prediction(id, p, null, null);
    }

    @Test
    void everyIdIsRegistered() {
        Registry<Metric> r = Registry.load(Metric.class, "metric", getClass().getClassLoader());
        assertTrue(r.ids().containsAll(List.of("accuracy", "balanced-accuracy", "f1", "sensitivity", "specificity",
                "auroc", "auroc[weighted]", "accuracy[tasks]")), r.ids().toString());
    }

    @Test
    void binaryAccuracyAndAuroc() {
        List<Sample> truth = List.of(sample("c0", 0, null), sample("c1", 0, null), sample("c2", 1, null),
                sample("c3", 1, null));
        List<Prediction> preds = List.of(prediction("c0", 0.5, 0.5), prediction("c1", 0.5, 0.5),
                prediction("c2", 0.5, 0.5), prediction("c3", 0.1, 0.9));
        assertEquals(0.75, new AurocMetric().evaluate(truth, preds, BINARY, EmptyPolicy.NAN).overall(), 1e-12);
        // argmax of (0.5, 0.5) is class 0: c0, c1, c3 right
        MetricResult acc = new AccuracyMetric().evaluate(truth, preds, BINARY, EmptyPolicy.NAN);
        assertEquals(0.75, acc.overall(), 1e-15);
        assertEquals(new MetricResult.Aggregate(0.75, 4, 0, 4), acc.aggregate().get(MetricResult.OVERALL));
    }

    @Test
    void multiClassAurocIsOneVsRestWithClassesNamed() {
        List<Sample> truth = new ArrayList<>();
        List<Prediction> preds = new ArrayList<>();
        double[][] p = {{0.8, 0.1, 0.1}, {0.2, 0.7, 0.1}, {0.1, 0.2, 0.7}, {0.4, 0.4, 0.2}};
        int[] y = {0, 1, 2, 1};
        for (int i = 0; i < y.length; i++) {
            truth.add(sample("c" + i, y[i], null));
            preds.add(prediction("c" + i, p[i]));
        }
        MetricResult r = new AurocMetric().evaluate(truth, preds, THREE, EmptyPolicy.NAN);
        // class a: pos 0.8 vs neg 0.2,0.1,0.4 -> 1; class b: pos 0.7,0.4 vs neg 0.1,0.2 -> 1; class c: 0.7 top -> 1
        assertEquals(1.0, r.overall(), 1e-12);
        assertEquals(1.0, r.aggregate().get("b").value(), 1e-12);
        assertTrue(r.note().contains("macro"), r.note());
        assertTrue(new WeightedAurocMetric().id().equals("auroc[weighted]"));
    }

    @Test
    void multiLabelAurocKeepsTheReasonForAnUndefinedLabel() {
        List<Sample> truth = List.of(sample("a", -1, new float[] {1, 0}), sample("b", -1, new float[] {0, 0}));
        List<Prediction> preds = List.of(prediction("a", 0.9, 0.2), prediction("b", 0.1, 0.3));
        MetricResult r = new AurocMetric().evaluate(truth, preds, MULTI, EmptyPolicy.NAN);
        assertEquals(1.0, r.overall(), 1e-12);
        assertTrue(Double.isNaN(r.aggregate().get("y").value()));
        assertTrue(r.note().contains("only negative"), r.note());
        assertFalse(new AccuracyMetric().appliesTo(MULTI));
    }

    @Test
    void binaryAurocWithOneClassIsNaNNotAnException() {
        List<Sample> truth = List.of(sample("a", 1, null), sample("b", 1, null));
        List<Prediction> preds = List.of(prediction("a", 0.1, 0.9), prediction("b", 0.6, 0.4));
        MetricResult r = new AurocMetric().evaluate(truth, preds, BINARY, EmptyPolicy.NAN);
        assertTrue(Double.isNaN(r.overall()));
        assertEquals(0, r.aggregate().get(MetricResult.OVERALL).nValid());
        assertTrue(r.note().contains("undefined"), r.note());
    }

    @Test
    void badPredictionsNameTheCase() {
        List<Sample> truth = List.of(sample("a", 1, null), sample("b", 0, null));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> new AurocMetric()
                .evaluate(truth, List.of(prediction("a", 0.1, 0.9), prediction("b", Double.NaN, 0.4)), BINARY,
                        EmptyPolicy.NAN));
        assertTrue(nan.getMessage().contains("case b"), nan.getMessage());
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class, () -> new AccuracyMetric()
                .evaluate(truth, List.of(prediction("a", 0.1, 0.9), prediction("x", 0.6, 0.4)), BINARY,
                        EmptyPolicy.NAN));
        assertTrue(id.getMessage().contains("case b") && id.getMessage().contains("'x'"), id.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> new F1Metric()
                .evaluate(truth, List.of(prediction("a", 0.1, 0.9), new Prediction("b", null, null, null)), BINARY,
                        EmptyPolicy.NAN));
        assertTrue(missing.getMessage().contains("no probabilities"), missing.getMessage());
    }
}
