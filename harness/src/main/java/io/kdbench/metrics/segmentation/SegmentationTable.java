package io.kdbench.metrics.segmentation;

import io.kdbench.api.MetricResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One score's values for cases x foreground classes, and their aggregates: per class, the mean over cases with
 * a defined value; {@code "mean"}, the mean of the per-class means that are defined (classes are aggregated over
 * cases first, as nnU-Net's foreground mean). The "mean" row's counts are over case x class cells.
 */
public final class SegmentationTable {
    private final List<String> classes;
    private final Map<String, CaseValue[]> byCase = new LinkedHashMap<>();

    /** @param classes foreground class names, in label order (label 1 first) */
    public SegmentationTable(List<String> classes) {
        this.classes = List.copyOf(classes);
    }

    /** Adds one case: its value for each class, in class order. */
    public void add(String caseId, CaseValue[] values) {
        if (values.length != classes.size()) {
            throw new IllegalArgumentException(values.length + " values for " + classes.size() + " classes");
        }
        if (byCase.put(caseId, values.clone()) != null) {
            throw new IllegalArgumentException("case " + caseId + " appears twice");
        }
    }

    public Map<String, MetricResult.Aggregate> aggregates() {
        Map<String, MetricResult.Aggregate> out = new LinkedHashMap<>();
        double sumOfMeans = 0;
        int definedClasses = 0;
        int valid = 0;
        int penalised = 0;
        for (int c = 0; c < classes.size(); c++) {
            double sum = 0;
            int n = 0;
            int pen = 0;
            for (CaseValue[] row : byCase.values()) {
                if (!Double.isNaN(row[c].value())) {
                    sum += row[c].value();
                    n++;
                }
                pen += row[c].penalised() ? 1 : 0;
            }
            double mean = n == 0 ? Double.NaN : sum / n;
            out.put(classes.get(c), new MetricResult.Aggregate(mean, n, pen, byCase.size()));
            if (n > 0) {
                sumOfMeans += mean;
                definedClasses++;
            }
            valid += n;
            penalised += pen;
        }
        double overall = definedClasses == 0 ? Double.NaN : sumOfMeans / definedClasses;
        Map<String, MetricResult.Aggregate> ordered = new LinkedHashMap<>();
        ordered.put(MetricResult.OVERALL, new MetricResult.Aggregate(overall, valid, penalised,
                byCase.size() * classes.size()));
        ordered.putAll(out);
        return ordered;
    }

    /** Case id to class name to value (NaN kept, so no case disappears). */
    public Map<String, Map<String, Double>> perCase() {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        byCase.forEach((id, row) -> {
            Map<String, Double> values = new LinkedHashMap<>();
            for (int c = 0; c < classes.size(); c++) {
                values.put(classes.get(c), row[c].value());
            }
            out.put(id, values);
        });
        return out;
    }
}
