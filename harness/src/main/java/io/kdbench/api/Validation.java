package io.kdbench.api;

import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validation split and the dataset's primary metric: everything a method may use to choose among its own
 * checkpoints or to measure its teachers. Test data never reach a method through here.
 */
public final class Validation {
    private final Metric metric;
    private final DatasetInfo dataset;
    private final List<Sample> samples;
    private final EmptyPolicy policy;

    public Validation(Metric metric, DatasetInfo dataset, List<Sample> samples, EmptyPolicy policy) {
        if (!metric.appliesTo(dataset)) {
            throw new IllegalArgumentException("metric " + metric.id() + " cannot score dataset " + dataset.id());
        }
        this.metric = metric;
        this.dataset = dataset;
        this.samples = List.copyOf(samples);
        this.policy = policy;
    }

    /**
     * The metric that selects checkpoints and judges learning: AUROC (macro over classes or labels) for
     * classification, the mean foreground Dice for segmentation.
     */
    public static String primaryMetric(Task task) {
        return task.isSegmentation() ? "dice" : "auroc";
    }

    public DatasetInfo dataset() {
        return dataset;
    }

    public String metric() {
        return metric.id();
    }

    public boolean higherIsBetter() {
        return metric.higherIsBetter();
    }

    public List<Sample> samples() {
        return samples;
    }

    public boolean isEmpty() {
        return samples.isEmpty();
    }

    /** The primary metric of predictions of the validation samples (in order); NaN where it is undefined. */
    public double score(List<Prediction> predictions) {
        return metric.evaluate(samples, predictions, dataset, policy).overall();
    }

    /**
     * The primary metric of predictions of the validation samples (in order), overall and per class, from one
     * evaluation.
     */
    public Scores scores(List<Prediction> predictions) {
        MetricResult result = metric.evaluate(samples, predictions, dataset, policy);
        Map<String, Double> byClass = new LinkedHashMap<>();
        result.aggregate().forEach((name, a) -> {
            if (!name.equals(MetricResult.OVERALL)) {
                byClass.put(name, a.value());
            }
        });
        return new Scores(result.overall(), byClass);
    }

    /**
     * A validation score and its per-class values: for segmentation each foreground class's Dice, by class name;
     * empty for metrics without per-class values.
     */
    public record Scores(double overall, Map<String, Double> byClass) {
        public Scores {
            byClass = Collections.unmodifiableMap(new LinkedHashMap<>(byClass));
        }
    }

    /** Whether {@code a} is a strictly better score than {@code b} on the primary metric. */
    public boolean better(double a, double b) {
        return better(a, b, higherIsBetter());
    }

    /** Whether {@code a} is a strictly better score than {@code b}: a NaN is never better, anything beats NaN. */
    public static boolean better(double a, double b, boolean higherIsBetter) {
        if (Double.isNaN(a)) {
            return false;
        }
        if (Double.isNaN(b)) {
            return true;
        }
        return higherIsBetter ? a > b : a < b;
    }
}
