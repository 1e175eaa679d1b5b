package io.kdbench.metrics.segmentation;

import io.kdbench.api.EmptyPolicy;
import io.kdbench.data.LabelMap;
import io.kdbench.metrics.surface.PercentileConvention;
import io.kdbench.metrics.surface.SurfaceDistances;

/**
 * The per-case, per-class segmentation scores and their empty-case rules.
 * <ul>
 * <li>Overlap (Dice, IoU): 0 when exactly one mask is empty under both policies (the formula gives 0, as in
 * nnU-Net); when both are empty, NaN under {@code nan} and 1 (penalised) under {@code penalty}.</li>
 * <li>Distances (HD, HD95, ASSD): when either mask is empty, NaN under {@code nan}; under {@code penalty} the
 * image diagonal in physical units when exactly one is empty and 0 when both are (both penalised).</li>
 * </ul>
 */
public enum SegmentationScore {
    DICE("dice", "Dice 2|P∩G|/(|P|+|G|)"),
    IOU("iou", "IoU |P∩G|/|P∪G|"),
    HD("hd[monai]", "Hausdorff distance between face-connected boundaries, physical units"),
    HD95_MONAI("hd95[monai]", "HD95: the larger of the two directed 95th percentiles (linear), MONAI's convention"),
    HD95_MEDPY("hd95[medpy]", "HD95: the 95th percentile (linear) of both directions pooled, medpy's convention"),
    ASSD("assd", "average symmetric surface distance: mean over both boundaries' voxels, physical units");

    private final String id;
    private final String summary;

    SegmentationScore(String id, String summary) {
        this.id = id;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public String summary() {
        return summary;
    }

    public boolean isDistance() {
        return this != DICE && this != IOU;
    }

    /** HD95 in the given convention. */
    public static SegmentationScore hd95(PercentileConvention convention) {
        return convention == PercentileConvention.MONAI ? HD95_MONAI : HD95_MEDPY;
    }

    /**
     * Scores one label of a case.
     *
     * @param counts counts of the same two maps
     */
    public CaseValue score(LabelPairCounts counts, LabelMap predicted, LabelMap truth, int label,
                           EmptyPolicy policy) {
        boolean predEmpty = counts.predicted(label) == 0;
        boolean truthEmpty = counts.truth(label) == 0;
        if (!isDistance()) {
            if (predEmpty && truthEmpty) {
                return policy == EmptyPolicy.PENALTY ? CaseValue.penalty(1.0) : CaseValue.UNDEFINED;
            }
            return CaseValue.computed(this == DICE ? counts.dice(label) : counts.iou(label));
        }
        if (predEmpty || truthEmpty) {
            if (policy == EmptyPolicy.NAN) {
                return CaseValue.UNDEFINED;
            }
            return CaseValue.penalty(predEmpty && truthEmpty ? 0.0 : diagonal(truth));
        }
        SurfaceDistances d = SurfaceDistances.of(predicted, truth, label, counts.unionBox(label));
        return CaseValue.computed(switch (this) {
            case HD -> d.hausdorff();
            case HD95_MONAI -> d.percentile(95, PercentileConvention.MONAI);
            case HD95_MEDPY -> d.percentile(95, PercentileConvention.MEDPY);
            case ASSD -> d.averageSymmetric();
            default -> throw new AssertionError(this);
        });
    }

    /** The image's diagonal in physical units: sqrt of the summed squared extents (size x spacing) of its axes. */
    public static double diagonal(LabelMap map) {
        double[] s = map.spacing();
        double ez = map.depth() > 1 ? map.depth() * s[0] : 0;
        double ey = map.height() * s[1];
        double ex = map.width() * s[2];
        return Math.sqrt(ez * ez + ey * ey + ex * ex);
    }
}
