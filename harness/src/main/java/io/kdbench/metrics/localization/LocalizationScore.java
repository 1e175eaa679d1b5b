package io.kdbench.metrics.localization;

import io.kdbench.data.LabelMap;

/** The localization scores of an attention map against a region of interest. */
public enum LocalizationScore {
    AUROC("loc-auroc", "pixel-level AUROC of the attention map against the ROI mask"),
    BOX_IOU("loc-box-iou", "IoU of the ROI box and the best box from thresholding the map at 0.05..0.95 of its range"),
    OUTSIDE_MASS("loc-outside-mass", "fraction of the attention map's positive mass outside the ROI (lower is better)");

    private final String id;
    private final String summary;

    LocalizationScore(String id, String summary) {
        this.id = id;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public String summary() {
        return summary;
    }

    /** The score of a map already on the ROI's grid. */
    public double score(float[] map, LabelMap roi) {
        return switch (this) {
            case AUROC -> SaliencyLocalization.pixelAuroc(map, roi).value();
            case BOX_IOU -> SaliencyLocalization.bestBoxIou(map, roi);
            case OUTSIDE_MASS -> SaliencyLocalization.outsideMass(map, roi);
        };
    }
}
