package io.kdbench.metrics.classification;

/** Specificity of class 1 for binary tasks, else the macro mean over classes. */
public final class SpecificityMetric extends ConfusionMetric {
    public SpecificityMetric() {
        super("specificity", "Specificity of class 1 for binary tasks, else the macro mean over classes.", ConfusionCounts::specificity, true);
    }
}
