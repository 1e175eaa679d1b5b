package io.kdbench.metrics.classification;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.EmptyPolicy;
import io.kdbench.api.Metric;
import io.kdbench.api.MetricResult;
import io.kdbench.api.Task;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.metrics.Cases;
import io.kdbench.stats.Bounds;
import io.kdbench.metrics.Results;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A single-label classification metric read from the confusion matrix of true labels against the argmax of the
 * predicted probabilities. The empty policy does not apply.
 */
public abstract class ConfusionMetric implements Metric {
    private final String id;
    private final String summary;
    private final ToDoubleFunction<ConfusionCounts> rate;
    private final boolean averagedOverClasses;

    protected ConfusionMetric(String id, String summary, ToDoubleFunction<ConfusionCounts> rate,
                              boolean averagedOverClasses) {
        this.id = id;
        this.summary = summary;
        this.rate = rate;
        this.averagedOverClasses = averagedOverClasses;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public Bounds bounds() {
        return Bounds.UNIT;
    }

    @Override
    public boolean appliesTo(DatasetInfo dataset) {
        return dataset.task() == Task.CLASSIFICATION;
    }

    @Override
    public MetricResult evaluate(List<Sample> truth, List<Prediction> predictions, DatasetInfo dataset,
                                 EmptyPolicy policy) {
        Cases.checkAligned(truth, predictions);
        int k = dataset.numClasses();
        int[] labels = new int[truth.size()];
        int[] predicted = new int[truth.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Cases.label(truth.get(i), k);
            predicted[i] = ConfusionCounts.argmax(Cases.probabilities(predictions.get(i), k));
        }
        double value = rate.applyAsDouble(ConfusionCounts.of(labels, predicted, k));
        String note = !averagedOverClasses ? ""
                : k == 2 ? "of class '" + dataset.classes().get(1) + "'"
                : "macro mean over the " + k + " classes present in truth or predictions";
        return Results.setLevel(id, value, labels.length, note);
    }
}
