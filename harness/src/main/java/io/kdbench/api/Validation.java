package io.kdbench.api;

import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;

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
     * The primary metric per class of predictions of the validation samples (in order): for segmentation each
     * foreground class's Dice, by class name; empty for metrics without per-class values.
     */
    public Map<String, Double> scoreByClass(List<Prediction> predictions) {
        Map<String, Double> out = new LinkedHashMap<>();
        metric.evaluate(samples, predictions, dataset, policy).aggregate().forEach((name, a) -> {
            if (!name.equals(MetricResult.OVERALL)) {
                out.put(name, a.value());
            }
        });
        return out;
    }

    /** Whether {@code a} is a strictly better score than {@code b} (a NaN is never better, anything beats NaN). */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) {
            return false;
        }
        if (Double.isNaN(b)) {
            return true;
        }
        return higherIsBetter() ? a > b : a < b;
    }
}
