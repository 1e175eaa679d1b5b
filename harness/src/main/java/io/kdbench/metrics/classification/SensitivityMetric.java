package io.kdbench.metrics.classification;

/** Sensitivity (recall) of class 1 for binary tasks, else the macro mean over classes. */
public final class SensitivityMetric extends ConfusionMetric {
    public SensitivityMetric() {
        super("sensitivity", "Sensitivity (recall) of class 1 for binary tasks, else the macro mean over classes.", ConfusionCounts::sensitivity, true);
    }
}
