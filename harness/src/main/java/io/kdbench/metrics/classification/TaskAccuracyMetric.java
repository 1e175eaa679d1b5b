package io.kdbench.metrics.classification;

import io.kdbench.api.AttributeTask;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.EmptyPolicy;
import io.kdbench.api.Metric;
import io.kdbench.api.MetricResult;
import io.kdbench.api.Task;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.metrics.Cases;
import io.kdbench.metrics.Results;
import io.kdbench.stats.Bounds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * Accuracy averaged over the tasks of a multi-task classification dataset: the label (e.g. the diagnosis) and each of
 * the dataset's {@link AttributeTask}s, every task weighing the same. On Derm7pt these are SSN's 8 tasks (diagnosis
 * and the seven-point criteria) and this is the paper's "average accuracy". Each task's accuracy is kept per class of
 * the result under the task's name. NaN with a note when no prediction carries attribute probabilities (a model that
 * predicts the label only).
 */
public final class TaskAccuracyMetric implements Metric {

    @Override
    public String id() {
        return "accuracy[tasks]";
    }

    @Override
    public String summary() {
        return "Accuracy averaged over the label and the dataset's attribute tasks (SSN's 8-task average accuracy)";
    }

    @Override
    public Bounds bounds() {
        return Bounds.UNIT;
    }

    @Override
    public boolean appliesTo(DatasetInfo dataset) {
        return dataset.task() == Task.CLASSIFICATION && !dataset.attributes().isEmpty();
    }

    @Override
    public MetricResult evaluate(List<Sample> truth, List<Prediction> predictions, DatasetInfo dataset,
                                 EmptyPolicy policy) {
        Cases.checkAligned(truth, predictions);
        int n = truth.size();
        if (predictions.stream().allMatch(p -> p.attributes() == null)) {
            return Results.setLevel(id(), Double.NaN, n, "no prediction carries attribute probabilities");
        }
        Map<String, Double> perTask = new LinkedHashMap<>();
        int k = dataset.numClasses();
        perTask.put("label", accuracy(n, k, i -> Cases.label(truth.get(i), k),
                i -> Cases.probabilities(predictions.get(i), k)));
        for (AttributeTask task : dataset.attributes()) {
            perTask.put(task.name(), accuracy(n, task.classes(), i -> Cases.attribute(truth.get(i), task),
                    i -> Cases.attributeProbabilities(predictions.get(i), task)));
        }
        double mean = perTask.values().stream().mapToDouble(Double::doubleValue).sum() / perTask.size();
        return Results.setLevel(id(), perTask, mean, n, "mean of " + perTask.size()
                + " tasks' accuracies: the label and " + String.join(", ", dataset.attributes().stream()
                .map(AttributeTask::name).toList()));
    }

    /** One task's accuracy over n cases: the argmax of each case's probabilities against its true class. */
    private static double accuracy(int n, int classes, IntUnaryOperator truth, IntFunction<double[]> probabilities) {
        int[] labels = new int[n];
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = truth.applyAsInt(i);
            predicted[i] = ConfusionCounts.argmax(probabilities.apply(i));
        }
        return ConfusionCounts.of(labels, predicted, classes).accuracy();
    }
}
