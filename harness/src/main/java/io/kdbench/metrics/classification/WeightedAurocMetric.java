package io.kdbench.metrics.classification;

/** {@code auroc[weighted]}: per-class AUROCs averaged with weights equal to each class's number of positives. */
public final class WeightedAurocMetric extends AurocMetric {
    public WeightedAurocMetric() {
        super(true);
    }
}
