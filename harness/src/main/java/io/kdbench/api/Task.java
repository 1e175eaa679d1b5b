package io.kdbench.api;

/** What a dataset asks of a model. */
public enum Task {
    CLASSIFICATION,
    MULTILABEL_CLASSIFICATION,
    SEGMENTATION_2D,
    SEGMENTATION_3D;

    public boolean isSegmentation() {
        return this == SEGMENTATION_2D || this == SEGMENTATION_3D;
    }

    public boolean isClassification() {
        return !isSegmentation();
    }
}
