package io.kdbench.metrics.localization;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.EmptyPolicy;
import io.kdbench.api.Metric;
import io.kdbench.api.MetricResult;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.metrics.Cases;
import io.kdbench.stats.Bounds;
import io.kdbench.metrics.Results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A localization score averaged over cases, for classification datasets whose samples carry a region of interest
 * ({@link Sample#mask()}) and models that return {@link Prediction#attention()}. Cases without a ROI (no mask or an
 * empty one) or without attention are left out and counted in the note; a case whose score is undefined (constant
 * map) is kept as NaN and not counted valid.
 */
public abstract class LocalizationMetric implements Metric {
    private final LocalizationScore score;

    protected LocalizationMetric(LocalizationScore score) {
        this.score = score;
    }

    @Override
    public String id() {
        return score.id();
    }

    @Override
    public String summary() {
        return score.summary();
    }

    @Override
    public Bounds bounds() {
        return Bounds.UNIT;
    }

    @Override
    public boolean appliesTo(DatasetInfo dataset) {
        return dataset.task().isClassification();
    }

    @Override
    public MetricResult evaluate(List<Sample> truth, List<Prediction> predictions, DatasetInfo dataset,
                                 EmptyPolicy policy) {
        Cases.checkAligned(truth, predictions);
        if (predictions.stream().allMatch(p -> p.attention() == null)) {
            return Results.setLevel(id(), Double.NaN, truth.size(), "no prediction carries an attention map");
        }
        Map<String, Map<String, Double>> perCase = new LinkedHashMap<>();
        int noRoi = 0;
        int noAttention = 0;
        int valid = 0;
        double sum = 0;
        for (int i = 0; i < truth.size(); i++) {
            Sample s = truth.get(i);
            Prediction p = predictions.get(i);
            if (s.mask() == null || SaliencyLocalization.roiBox(s.mask()) == null) {
                noRoi++;
                continue;
            }
            if (p.attention() == null) {
                noAttention++;
                continue;
            }
            double v;
            try {
                v = score.score(SaliencyLocalization.onGrid(p.attention(), s.mask()), s.mask());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("case " + s.id() + ": " + e.getMessage(), e);
            }
            perCase.put(s.id(), Map.of(MetricResult.OVERALL, v));
            if (!Double.isNaN(v)) {
                sum += v;
                valid++;
            }
        }
        String note = "mean over cases with a ROI and an attention map; left out: " + noRoi + " without a ROI, "
                + noAttention + " without attention; " + (perCase.size() - valid) + " undefined (constant map)";
        MetricResult.Aggregate overall = new MetricResult.Aggregate(valid == 0 ? Double.NaN : sum / valid, valid, 0,
                truth.size());
        return new MetricResult(id(), Map.of(MetricResult.OVERALL, overall), perCase, note);
    }
}
