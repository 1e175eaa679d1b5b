package io.kdbench.metrics.classification;

/** F1 of class 1 for binary tasks, else the macro mean of per-class F1 (0/0 counts 0, as scikit-learn). */
public final class F1Metric extends ConfusionMetric {
    public F1Metric() {
        super("f1", "F1 of class 1 for binary tasks, else the macro mean of per-class F1 (0/0 counts 0, as scikit-learn).", ConfusionCounts::f1, true);
    }
}
