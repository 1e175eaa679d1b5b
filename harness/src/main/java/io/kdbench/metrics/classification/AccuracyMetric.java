package io.kdbench.metrics.classification;

/** Accuracy: the fraction of cases whose argmax class is the true class. */
public final class AccuracyMetric extends ConfusionMetric {
    public AccuracyMetric() {
        super("accuracy", "Accuracy: the fraction of cases whose argmax class is the true class.", ConfusionCounts::accuracy, false);
    }
}
