package io.kdbench.metrics.classification;

import io.kdbench.api.AttributeTask;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.EmptyPolicy;
import io.kdbench.api.MetricResult;
import io.kdbench.api.Task;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskAccuracyMetricTest {
    // a label of 3 classes and two attribute tasks: 'veil' (tabular column 1, 2 values), 'network' (column 0, 3 values)
    private static final DatasetInfo DATASET = new DatasetInfo("d", Task.CLASSIFICATION, List.of("a", "b", "c"),
            List.of(), false).withAttributes(List.of(new AttributeTask("veil", 1, 2), new AttributeTask("network", 0, 3)));
    private static final TaskAccuracyMetric METRIC = new TaskAccuracyMetric();

    private static Sample sample(String id, int label, double network, double veil) {
        return Sample.of(id, Map.of()).withLabel(label).withTabular(new double[] {network, veil});
    }

    private static Prediction prediction(String id, double[] label, double[] veil, double[] network) {
        return new Prediction(id, label, null, null, Map.of("veil", veil, "network", network));
    }

    private static final List<Sample> TRUTH = List.of(sample("c0", 0, 0, 0), sample("c1", 1, 2, 1),
            sample("c2", 2, 1, 1), sample("c3", 2, 2, 0));

    @Test
    void averagesTheLabelsAndEachAttributesAccuracyWithEqualWeights() {
        List<Prediction> predictions = List.of(
                prediction("c0", new double[] {0.6, 0.3, 0.1}, new double[] {0.9, 0.1}, new double[] {0.5, 0.3, 0.2}),
                prediction("c1", new double[] {0.2, 0.7, 0.1}, new double[] {0.8, 0.2}, new double[] {0.1, 0.1, 0.8}),
                prediction("c2", new double[] {0.5, 0.1, 0.4}, new double[] {0.3, 0.7}, new double[] {0.2, 0.6, 0.2}),
                prediction("c3", new double[] {0.1, 0.1, 0.8}, new double[] {0.4, 0.6}, new double[] {0.1, 0.2, 0.7}));
        MetricResult r = METRIC.evaluate(TRUTH, predictions, DATASET, EmptyPolicy.NAN);
        // label: c0, c1, c3 right (3/4); veil: c0, c2 right (2/4); network: all four right (4/4)
        assertEquals(0.75, r.aggregate().get("label").value(), 0.0);
        assertEquals(0.5, r.aggregate().get("veil").value(), 0.0);
        assertEquals(1.0, r.aggregate().get("network").value(), 0.0);
        assertEquals((0.75 + 0.5 + 1.0) / 3, r.overall(), 1e-15);
        assertEquals(List.of(MetricResult.OVERALL, "label", "veil", "network"), List.copyOf(r.aggregate().keySet()));
    }

    @Test
    void isNaNForAModelThatPredictsTheLabelOnly() {
        List<Prediction> labelOnly = new ArrayList<>();
        for (Sample s : TRUTH) {
            labelOnly.add(new Prediction(s.id(), new double[] {1, 0, 0}, null, null));
        }
        MetricResult r = METRIC.evaluate(TRUTH, labelOnly, DATASET, EmptyPolicy.NAN);
        assertTrue(Double.isNaN(r.overall()));
        assertEquals("no prediction carries attribute probabilities", r.note());
    }

    @Test
    void appliesOnlyToSingleLabelClassificationWithAttributeTasks() {
        assertTrue(METRIC.appliesTo(DATASET));
        assertFalse(METRIC.appliesTo(DATASET.withAttributes(List.of())));
        assertFalse(METRIC.appliesTo(new DatasetInfo("m", Task.MULTILABEL_CLASSIFICATION, List.of("x", "y"), List.of(),
                false).withAttributes(DATASET.attributes())));
    }

    @Test
    void namesTheCaseAndTaskOfAMissingWrongSizedOrUnknownValue() {
        double[] label = {1, 0, 0};
        List<Prediction> good = new ArrayList<>();
        for (Sample s : TRUTH) {
            good.add(prediction(s.id(), label, new double[] {1, 0}, new double[] {1, 0, 0}));
        }
        List<Prediction> missing = new ArrayList<>(good);
        missing.set(2, new Prediction("c2", label, null, null, Map.of("veil", new double[] {1, 0})));
        assertEquals("case c2: prediction has no probabilities for attribute 'network'", assertThrows(
                IllegalArgumentException.class, () -> METRIC.evaluate(TRUTH, missing, DATASET, EmptyPolicy.NAN))
                .getMessage());
        List<Prediction> wrongSize = new ArrayList<>(good);
        wrongSize.set(1, prediction("c1", label, new double[] {1, 0, 0}, new double[] {1, 0, 0}));
        assertEquals("case c1: 3 probabilities for attribute 'veil' of 2 values", assertThrows(
                IllegalArgumentException.class, () -> METRIC.evaluate(TRUTH, wrongSize, DATASET, EmptyPolicy.NAN))
                .getMessage());
        List<Prediction> notFinite = new ArrayList<>(good);
        notFinite.set(0, prediction("c0", label, new double[] {Double.NaN, 0}, new double[] {1, 0, 0}));
        assertEquals("case c0: attribute 'veil' has probability NaN", assertThrows(
                IllegalArgumentException.class, () -> METRIC.evaluate(TRUTH, notFinite, DATASET, EmptyPolicy.NAN))
                .getMessage());
        List<Sample> badTruth = new ArrayList<>(TRUTH);
        badTruth.set(3, sample("c3", 2, 1.5, 0));
        assertEquals("case c3: attribute 'network' is 1.5, not a value 0..2", assertThrows(
                IllegalArgumentException.class, () -> METRIC.evaluate(badTruth, good, DATASET, EmptyPolicy.NAN))
                .getMessage());
        List<Sample> noTabular = new ArrayList<>(TRUTH);
        noTabular.set(0, Sample.of("c0", Map.of()).withLabel(0));
        assertEquals("case c0: attribute 'veil' needs tabular column 1, the case has no tabular data", assertThrows(
                IllegalArgumentException.class, () -> METRIC.evaluate(noTabular, good, DATASET, EmptyPolicy.NAN))
                .getMessage());
    }
}
