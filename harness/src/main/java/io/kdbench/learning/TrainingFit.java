package io.kdbench.learning;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Task;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.metrics.Cases;

import java.util.List;

/**
 * How well a classifier's probabilities fit labels, as the cross-entropy in nats that {@link LabelPrior#entropy()}
 * is measured in: single-label -mean ln p(true class); multi-label the binary cross-entropy averaged over cases and
 * labels. Probabilities are floored at {@link #FLOOR} so a confident miss costs a bounded amount.
 */
public final class TrainingFit {
    static final double FLOOR = 1e-12;

    private TrainingFit() {
    }

    public static double crossEntropy(DatasetInfo dataset, List<Sample> samples, List<Prediction> predictions) {
        Cases.checkAligned(samples, predictions);
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        int k = dataset.numClasses();
        boolean multiLabel = dataset.task() == Task.MULTILABEL_CLASSIFICATION;
        double sum = 0;
        for (int i = 0; i < samples.size(); i++) {
            double[] p = Cases.probabilities(predictions.get(i), k);
            if (multiLabel) {
                boolean[] t = Cases.targets(samples.get(i), k);
                double row = 0;
                for (int c = 0; c < k; c++) {
                    row -= Math.log(Math.max(t[c] ? p[c] : 1 - p[c], FLOOR));
                }
                sum += row / k;
            } else {
                sum -= Math.log(Math.max(p[Cases.label(samples.get(i), k)], FLOOR));
            }
        }
        return sum / samples.size();
    }
}
