package io.kdbench.methods.train;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.EmptyPolicy;
import io.kdbench.api.Metric;
import io.kdbench.api.MetricResult;
import io.kdbench.api.Modality;
import io.kdbench.api.Selection;
import io.kdbench.api.Task;
import io.kdbench.api.TrainingLog;
import io.kdbench.api.Validation;
import io.kdbench.data.Image;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Model selection on a known validation curve: which step is kept, and that its weights are the ones restored;
 * segmentation selects on the primary metric (scripted here), classification on the validation cross-entropy.
 */
class ModelSelectionTest {
    private static final DatasetInfo INFO = new DatasetInfo("d", Task.SEGMENTATION_2D, List.of("background", "a"),
            List.of(new Modality("image", Modality.Kind.IMAGE, false)), false);
    private static final DatasetInfo CLASSES = new DatasetInfo("c", Task.CLASSIFICATION, List.of("a", "b"),
            List.of(new Modality("image", Modality.Kind.IMAGE, false)), false);
    private static final List<Sample> VALIDATION = List.of(
            Sample.of("v0", Map.of("image", Image.of2d(new float[] {0}, 1, 1, 1))).withLabel(0));

    /** A metric that answers a scripted sequence of scores, one per evaluation. */
    private static final class Scripted implements Metric {
        final Deque<Double> scores;
        final boolean higher;

        Scripted(boolean higher, Double... scores) {
            this.scores = new ArrayDeque<>(List.of(scores));
            this.higher = higher;
        }

        public String id() {
            return higher ? "auroc" : "hd95";
        }

        public String summary() {
            return "scripted";
        }

        public boolean appliesTo(DatasetInfo d) {
            return true;
        }

        public boolean higherIsBetter() {
            return higher;
        }

        public MetricResult evaluate(List<Sample> t, List<Prediction> p, DatasetInfo d, EmptyPolicy e) {
            return new MetricResult(id(), Map.of("mean", new MetricResult.Aggregate(scores.pop(), 1, 0, 1)), Map.of(), "");
        }
    }

    /** Runs the selection over the scripted curve; "weights" are the step number, so restoring shows which was kept. */
    private static int[] run(Scripted metric, int evaluations, TrainingLog log) {
        int[] weights = {0};
        ModelSelection s = new ModelSelection("student", new Validation(metric, INFO, VALIDATION, EmptyPolicy.NAN),
                () -> List.of(new Prediction("v0", new double[] {0.5, 0.5}, null, null)),
                () -> {
                    int kept = weights[0];
                    return () -> weights[0] = kept;
                }, 10);
        for (int step = 10; step <= 10 * evaluations; step += 10) {
            weights[0] = step;
            s.evaluate(step);
        }
        s.finish(10 * evaluations, log);
        return weights;
    }

    @Test
    void keepsTheFirstBestCheckpointAndRestoresIt() {
        TrainingLog log = new TrainingLog();
        int[] weights = run(new Scripted(true, 0.60, 0.75, 0.90, 0.90, 0.70), 5, log);
        assertEquals(30, weights[0], "the weights after step 30 (first of the two 0.90) are put back");
        Selection chosen = (Selection) ((Map<?, ?>) log.extras().get(TrainingLog.SELECTION)).get("student");
        assertEquals(List.of(10, 20, 30, 40, 50), chosen.steps());
        assertEquals(List.of(0.60, 0.75, 0.90, 0.90, 0.70), chosen.scores());
        assertEquals(30, chosen.chosenStep());
        assertEquals(0.90, chosen.chosenScore());
        assertEquals("auroc", chosen.metric());
    }

    @Test
    void aLowerIsBetterMetricKeepsTheMinimumAndNaNNeverWins() {
        int[] weights = run(new Scripted(false, Double.NaN, 8.0, 3.0, Double.NaN, 5.0), 5, new TrainingLog());
        assertEquals(30, weights[0]);
    }

    @Test
    void withoutValidationSamplesTheLastWeightsStay() {
        int[] weights = {7};
        TrainingLog log = new TrainingLog();
        ModelSelection s = new ModelSelection("student", new Validation(new Scripted(true), INFO, List.of(),
                EmptyPolicy.NAN), List::of, () -> () -> weights[0] = -1, 5);
        s.evaluate(5);
        s.finish(20, log);
        assertEquals(7, weights[0]);
        Selection chosen = (Selection) ((Map<?, ?>) log.extras().get(TrainingLog.SELECTION)).get("student");
        assertEquals(20, chosen.chosenStep());
        assertEquals(List.of(), chosen.steps());
    }

    /**
     * Two validation cases, labels 0 and 1. Every checkpoint ranks them right (AUROC 1 throughout, which would keep
     * step 10), but the probabilities fit best at step 30: cross-entropy -(ln 0.8 + ln 0.9) / 2 = 0.164 at step 10,
     * -ln 0.55 = 0.598 at 20, -ln 0.95 = 0.051 at 30, -(ln 0.9 + ln 0.6) / 2 = 0.308 at 40.
     */
    @Test
    void classificationKeepsTheLowestValidationCrossEntropy() {
        List<Sample> validation = List.of(
                Sample.of("v0", Map.of("image", Image.of2d(new float[] {0}, 1, 1, 1))).withLabel(0),
                Sample.of("v1", Map.of("image", Image.of2d(new float[] {1}, 1, 1, 1))).withLabel(1));
        double[][] positive = {{0.2, 0.9}, {0.45, 0.55}, {0.05, 0.95}, {0.1, 0.6}};
        int[] weights = {0};
        ModelSelection s = new ModelSelection("student", new Validation(new Scripted(true), CLASSES, validation,
                EmptyPolicy.NAN), () -> {
                    double[] p = positive[weights[0] / 10 - 1];
                    return List.of(new Prediction("v0", new double[] {1 - p[0], p[0]}, null, null),
                            new Prediction("v1", new double[] {1 - p[1], p[1]}, null, null));
                }, () -> {
                    int kept = weights[0];
                    return () -> weights[0] = kept;
                }, 10);
        for (int step = 10; step <= 40; step += 10) {
            weights[0] = step;
            s.evaluate(step);
        }
        TrainingLog log = new TrainingLog();
        s.finish(40, log);
        assertEquals(30, weights[0]);
        Selection chosen = (Selection) ((Map<?, ?>) log.extras().get(TrainingLog.SELECTION)).get("student");
        assertEquals(ModelSelection.CROSS_ENTROPY, chosen.metric());
        assertEquals(-Math.log(0.95), chosen.chosenScore(), 1e-12);
        assertEquals(-(Math.log(0.8) + Math.log(0.9)) / 2, chosen.scores().get(0), 1e-12);
    }
}
