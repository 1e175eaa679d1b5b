package io.kdbench.metrics.classification;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.EmptyPolicy;
import io.kdbench.api.Metric;
import io.kdbench.api.MetricResult;
import io.kdbench.api.Task;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.metrics.Cases;
import io.kdbench.stats.Bounds;
import io.kdbench.metrics.Results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AUROC, macro-averaged: binary on the probability of class 1 for two classes, one-vs-rest over classes for
 * more, and over labels for multi-label tasks. Classes whose AUROC is undefined (one class present) are
 * reported as NaN, left out of the mean and named in the note.
 */
public class AurocMetric implements Metric {
    private final boolean weighted;

    public AurocMetric() {
        this(false);
    }

    protected AurocMetric(boolean weighted) {
        this.weighted = weighted;
    }

    @Override
    public String id() {
        return weighted ? "auroc[weighted]" : "auroc";
    }

    @Override
    public String summary() {
        return weighted
                ? "AUROC, one-vs-rest (or per label) averaged with weights = number of positives; ties count 1/2"
                : "AUROC, binary on p(class 1), else one-vs-rest (or per label) macro mean; ties count 1/2";
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
        int k = dataset.numClasses();
        int n = truth.size();
        boolean multiLabel = dataset.task() == Task.MULTILABEL_CLASSIFICATION;
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = Cases.probabilities(predictions.get(i), k);
        }
        Auroc.Averaged averaged;
        if (multiLabel) {
            boolean[][] positive = new boolean[k][n];
            double[][] scores = new double[k][n];
            for (int i = 0; i < n; i++) {
                boolean[] t = Cases.targets(truth.get(i), k);
                for (int c = 0; c < k; c++) {
                    positive[c][i] = t[c];
                    scores[c][i] = rows[i][c];
                }
            }
            averaged = Auroc.perClass(positive, scores);
        } else {
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = Cases.label(truth.get(i), k);
            }
            if (k == 2) {
                Auroc.Value v = Auroc.binary(labels, rows, 1);
                String note = "binary, score = probability of '" + dataset.classes().get(1) + "'"
                        + (v.defined() ? "" : "; " + v.reason());
                return Results.setLevel(id(), v.value(), n, note);
            }
            averaged = Auroc.oneVsRest(labels, rows, k);
        }
        Map<String, Double> perClass = new LinkedHashMap<>();
        for (int c = 0; c < k; c++) {
            perClass.put(dataset.classes().get(c), averaged.perClass()[c].value());
        }
        String how = (weighted ? "weighted (by positives) mean" : "macro mean") + " over "
                + averaged.definedClasses() + " of " + k + (multiLabel ? " labels" : " classes, one-vs-rest");
        String left = averaged.note();
        return Results.setLevel(id(), perClass, weighted ? averaged.weighted() : averaged.macro(), n,
                left.isEmpty() ? how : how + "; " + left);
    }
}
