package io.kdbench.metrics.segmentation;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.EmptyPolicy;
import io.kdbench.api.Metric;
import io.kdbench.api.MetricResult;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.metrics.Cases;
import io.kdbench.stats.Bounds;

import java.util.List;

/**
 * A segmentation score per case and foreground class (DatasetInfo classes 1..k-1; 0 is background), aggregated
 * by {@link SegmentationTable}. Distances use the ground truth's spacing.
 */
public abstract class SegmentationMetric implements Metric {
    private final SegmentationScore score;

    protected SegmentationMetric(SegmentationScore score) {
        this.score = score;
    }

    @Override
    public String id() {
        return score.id();
    }

    @Override
    public String summary() {
        return score.summary() + "; per class over cases, then the mean over foreground classes";
    }

    @Override
    public Bounds bounds() {
        return score.isDistance() ? Bounds.NON_NEGATIVE : Bounds.UNIT;
    }

    /** Distances are in the spacing's unit, millimetres. */
    @Override
    public String unit() {
        return score.isDistance() ? "mm" : "";
    }

    @Override
    public boolean appliesTo(DatasetInfo dataset) {
        return dataset.task().isSegmentation();
    }

    @Override
    public MetricResult evaluate(List<Sample> truth, List<Prediction> predictions, DatasetInfo dataset,
                                 EmptyPolicy policy) {
        Cases.checkAligned(truth, predictions);
        List<String> foreground = dataset.classes().subList(1, dataset.numClasses());
        SegmentationTable table = new SegmentationTable(foreground);
        for (int i = 0; i < truth.size(); i++) {
            Sample s = truth.get(i);
            LabelMap gt = s.mask();
            LabelMap seg = predictions.get(i).segmentation();
            if (gt == null) {
                throw new IllegalArgumentException("case " + s.id() + ": sample has no ground-truth mask");
            }
            if (seg == null) {
                throw new IllegalArgumentException("case " + s.id() + ": prediction has no segmentation");
            }
            if (!seg.sameShape(gt)) {
                throw new IllegalArgumentException("case " + s.id() + ": predicted segmentation is "
                        + seg.shapeString() + ", ground truth is " + gt.shapeString());
            }
            LabelPairCounts counts = LabelPairCounts.of(seg, gt);
            if (counts.maxLabel() > foreground.size()) {
                throw new IllegalArgumentException("case " + s.id() + ": label " + counts.maxLabel()
                        + " found, but the dataset has classes 0.." + foreground.size());
            }
            CaseValue[] row = new CaseValue[foreground.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = score.score(counts, seg, gt, c + 1, policy);
            }
            table.add(s.id(), row);
        }
        return new MetricResult(id(), table.aggregates(), table.perCase(), note(policy));
    }

    private String note(EmptyPolicy policy) {
        String empty = policy == EmptyPolicy.NAN
                ? "empty policy nan: undefined values are NaN and left out of means (see n_valid)"
                : "empty policy penalty: " + (score.isDistance()
                ? "image diagonal if one mask is empty, 0 if both" : "1 if both masks are empty")
                + " (see n_penalised)";
        return score.summary() + "; " + empty
                + "; mean = mean over foreground classes of per-class means, its counts over case x class cells";
    }
}
