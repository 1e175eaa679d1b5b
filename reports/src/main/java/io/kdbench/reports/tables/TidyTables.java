package io.kdbench.reports.tables;

import io.kdbench.api.MetricResult;
import io.kdbench.learning.LearningVerdict;
import io.kdbench.reports.model.Leaderboard;
import io.kdbench.stats.Bounds;
import io.kdbench.stats.Interval;
import io.kdbench.stats.MeanInterval;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Long ("tidy") tables for pandas and R: one row per observation, one column per variable.
 * {@code per_seed.csv}: every aggregate value of every scored cell with its case counts;
 * {@code per_case.csv}: every per-case value, challengeR's (task, case, algorithm, value) shape plus seed and class;
 * {@code learning.csv}: every scored cell's role and learning verdict with the numbers that decided it;
 * {@code intervals.csv}: every leaderboard value with the interval the tables and charts show, and the metric's range.
 */
public final class TidyTables {
    public static final String PER_SEED = "per_seed.csv";
    public static final String PER_CASE = "per_case.csv";
    public static final String LEARNING = "learning.csv";
    public static final String INTERVALS = "intervals.csv";
    static final String INTERVALS_HEADER = "method,dataset,metric,unit,n_seeds,mean,sd,lower,upper,range_lower,range_upper,interval";
    static final String PER_SEED_HEADER = "method,dataset,seed,metric,class,value,n_valid,n_penalised,n_cases";
    static final String PER_CASE_HEADER = "method,dataset,seed,metric,case,class,value";
    static final String LEARNING_HEADER =
            "method,dataset,seed,role,status,metric,validation,floor_validation,train_loss,prior_entropy";

    private TidyTables() {
    }

    public static String perSeed(List<CellRecord> cells) {
        StringBuilder sb = new StringBuilder(PER_SEED_HEADER).append('\n');
        for (CellRecord c : scored(cells)) {
            for (Map.Entry<String, MetricResult> m : c.metrics().entrySet()) {
                for (Map.Entry<String, MetricResult.Aggregate> a : m.getValue().aggregate().entrySet()) {
                    MetricResult.Aggregate v = a.getValue();
                    prefix(sb, c, m.getKey()).append(field(a.getKey())).append(',').append(num(v.value())).append(',')
                            .append(v.nValid()).append(',').append(v.nPenalised()).append(',').append(v.nCases()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    public static String perCase(List<CellRecord> cells) {
        StringBuilder sb = new StringBuilder(PER_CASE_HEADER).append('\n');
        for (CellRecord c : scored(cells)) {
            for (Map.Entry<String, MetricResult> m : c.metrics().entrySet()) {
                for (Map.Entry<String, Map<String, Double>> kase : m.getValue().perCase().entrySet()) {
                    for (Map.Entry<String, Double> v : kase.getValue().entrySet()) {
                        prefix(sb, c, m.getKey()).append(field(kase.getKey())).append(',').append(field(v.getKey()))
                                .append(',').append(num(v.getValue())).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    /** One line per scored cell; a cell stored without a verdict has status NA (it counts as not learned). */
    public static String learning(List<CellRecord> cells) {
        StringBuilder sb = new StringBuilder(LEARNING_HEADER).append('\n');
        for (CellRecord c : scored(cells)) {
            LearningVerdict v = c.learning();
            sb.append(field(c.spec().method())).append(',').append(field(c.spec().dataset())).append(',')
                    .append(c.spec().seed()).append(',').append(lower(c.role())).append(',')
                    .append(v == null ? "NA" : lower(v.status())).append(',');
            if (v == null) {
                sb.append("NA,NA,NA,NA,NA\n");
                continue;
            }
            sb.append(field(Objects.toString(v.metric(), "NA"))).append(',').append(num(v.validation())).append(',')
                    .append(num(v.floorValidation())).append(',').append(num(v.trainLoss())).append(',')
                    .append(num(v.priorEntropy())).append('\n');
        }
        return sb.toString();
    }

    /** One line per leaderboard entry, in the leaderboard's order (experiment order); infinite range ends as Inf/-Inf. */
    public static String intervals(Leaderboard board) {
        StringBuilder sb = new StringBuilder(INTERVALS_HEADER).append('\n');
        for (String d : board.datasets()) {
            for (String m : board.methodsOn(d)) {
                for (String metric : board.metricsOn(d)) {
                    Leaderboard.Entry e = board.entry(m, d, metric);
                    if (e == null) {
                        continue;
                    }
                    Interval ci = e.ci();
                    Bounds b = e.bounds();
                    sb.append(field(m)).append(',').append(field(d)).append(',').append(field(metric)).append(',')
                            .append(field(board.directions().unit(metric))).append(',').append(e.values().length).append(',')
                            .append(num(e.mean())).append(',').append(num(e.sd())).append(',').append(num(ci.lower())).append(',')
                            .append(num(ci.upper())).append(',').append(end(b.lower())).append(',').append(end(b.upper()))
                            .append(',').append(field(MeanInterval.describe(b))).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static String end(double v) {
        return Double.isInfinite(v) ? (v > 0 ? "Inf" : "-Inf") : Double.toString(v);
    }

    private static String lower(Enum<?> e) {
        return e == null ? "NA" : e.name().toLowerCase(Locale.ROOT);
    }

    private static List<CellRecord> scored(List<CellRecord> cells) {
        return cells.stream().filter(c -> c.status() == CellStatus.OK)
                .sorted(Comparator.comparing((CellRecord c) -> c.spec().method())
                        .thenComparing(c -> c.spec().dataset())
                        .thenComparingLong(c -> c.spec().seed()))
                .toList();
    }

    private static StringBuilder prefix(StringBuilder sb, CellRecord c, String metric) {
        return sb.append(field(c.spec().method())).append(',').append(field(c.spec().dataset())).append(',')
                .append(c.spec().seed()).append(',').append(field(metric)).append(',');
    }

    /** NaN as "NA", which both pandas and R read as missing. */
    public static String num(Double v) {
        return v == null || v.isNaN() ? "NA" : v.toString();
    }

    /** RFC 4180 quoting, only where needed. */
    public static String field(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
