package io.kdbench.reports.model;

import io.kdbench.api.MetricResult;
import io.kdbench.stats.Bounds;
import io.kdbench.stats.Interval;
import io.kdbench.stats.MeanInterval;
import io.kdbench.stats.Summary;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The leaderboard: for each dataset, method x metric as mean +- sample standard deviation over seeds of each
 * cell's headline value, with a 95% t interval, the seeds used and the summed case counts, computed from stored
 * cells only. A method is marked best on a dataset and metric only where it is significantly better than the
 * runner-up ({@link SignificantlyBetter}), and only among competitors that learned on every seed. Each row carries its
 * {@link RowLearning} (learned, floor, upper bound). Cells that were skipped or failed are listed with their reasons
 * instead of being dropped.
 */
public final class Leaderboard {
    public static final double LEVEL = MeanInterval.LEVEL;

    /**
     * One method on one dataset and one metric.
     *
     * @param seeds      the seeds with a defined headline value, ascending
     * @param values     the headline value of each of those seeds
     * @param nanSeeds   seeds whose headline value was undefined (NaN), left out of the statistics
     * @param nValid     cases with a defined value, summed over seeds
     * @param nPenalised cases given the penalty value, summed over seeds
     * @param nCases     all cases, summed over seeds
     * @param bounds     the metric's range, which the interval stays inside
     */
    public record Entry(String method, String dataset, String metric, long[] seeds, double[] values, int nanSeeds,
                        int nValid, int nPenalised, int nCases, Bounds bounds) {
        public Summary summary() {
            return Summary.of(values);
        }

        public double mean() {
            return summary().mean();
        }

        /** Sample standard deviation (n-1); NaN below two seeds. */
        public double sd() {
            return summary().sd();
        }

        /** The 95% interval of the mean over seeds inside the metric's range ({@link MeanInterval}); NaN ends below two seeds. */
        public Interval ci() {
            return MeanInterval.of(summary(), bounds);
        }

        /** The value of one seed, or NaN if that seed has none. */
        public double valueOf(long seed) {
            int i = Arrays.binarySearch(seeds, seed);
            return i < 0 ? Double.NaN : values[i];
        }
    }

    /** A cell that was not scored, kept for the report. */
    public record Problem(CellStatus status, String method, String dataset, long seed, String reason, int failedEpoch) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %s / %s / seed %d: %s", status.name().toLowerCase(Locale.ROOT),
                    method, dataset, seed, reason);
        }
    }

    private final MetricDirections directions;
    private final List<String> datasets = new ArrayList<>();
    private final List<String> methods = new ArrayList<>();
    private final List<String> metrics = new ArrayList<>();
    private final List<String> metricOrder = new ArrayList<>();
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Long> parameters = new LinkedHashMap<>();
    private final Map<String, Double> trainSeconds = new LinkedHashMap<>();
    private final Map<String, RowLearning> rows = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    public static Leaderboard of(List<CellRecord> cells) {
        return new Leaderboard(cells, MetricDirections.load(), ExperimentOrder.NONE);
    }

    public static Leaderboard of(List<CellRecord> cells, MetricDirections directions) {
        return new Leaderboard(cells, directions, ExperimentOrder.NONE);
    }

    /** Datasets and methods in the experiment file's order. */
    public static Leaderboard of(List<CellRecord> cells, MetricDirections directions, ExperimentOrder order) {
        return new Leaderboard(cells, directions, order);
    }

    private Leaderboard(List<CellRecord> cells, MetricDirections directions, ExperimentOrder order) {
        this.directions = directions;
        Map<String, Map<Long, Double>> values = new LinkedHashMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>(); // nan seeds, nValid, nPenalised, nCases
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, List<CellRecord>> scored = new LinkedHashMap<>();
        List<CellRecord> ordered = cells.stream().sorted(Comparator.comparingLong(c -> c.spec().seed())).toList();
        for (CellRecord c : cells) {
            addOnce(methods, c.spec().method());
            addOnce(datasets, c.spec().dataset());
            c.spec().metrics().forEach(metric -> addOnce(metricOrder, metric));
        }
        order.sortMethods(methods);
        order.sortDatasets(datasets);
        for (CellRecord c : ordered) {
            String m = c.spec().method();
            String d = c.spec().dataset();
            if (c.status() != CellStatus.OK) {
                problems.add(new Problem(c.status(), m, d, c.spec().seed(), c.reason(), c.failedEpoch()));
                continue;
            }
            parameters.put(pair(m, d), c.parameterCount());
            times.computeIfAbsent(pair(m, d), k -> new ArrayList<>()).add(c.trainSeconds());
            scored.computeIfAbsent(pair(m, d), k -> new ArrayList<>()).add(c);
            for (Map.Entry<String, MetricResult> r : c.metrics().entrySet()) {
                addOnce(metrics, r.getKey());
                String key = key(m, d, r.getKey());
                int[] n = counts.computeIfAbsent(key, k -> new int[4]);
                MetricResult.Aggregate a = r.getValue().aggregate().get(MetricResult.OVERALL);
                double v = r.getValue().overall();
                if (Double.isNaN(v)) {
                    n[0]++;
                } else {
                    values.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(c.spec().seed(), v);
                }
                if (a != null) {
                    n[1] += a.nValid();
                    n[2] += a.nPenalised();
                    n[3] += a.nCases();
                }
            }
        }
        // columns in the experiment file's order (stored cells come back with their metrics sorted by name)
        metrics.sort(Comparator.comparingInt(metric -> metricOrder.contains(metric) ? metricOrder.indexOf(metric) : Integer.MAX_VALUE));
        scored.forEach((k, v) -> rows.put(k, RowLearning.of(v)));
        for (String m : methods) {
            for (String d : datasets) {
                for (String metric : metrics) {
                    String key = key(m, d, metric);
                    if (counts.containsKey(key)) {
                        Map<Long, Double> bySeed = values.getOrDefault(key, Map.of());
                        long[] seeds = bySeed.keySet().stream().mapToLong(Long::longValue).toArray();
                        double[] v = bySeed.values().stream().mapToDouble(Double::doubleValue).toArray();
                        int[] n = counts.get(key);
                        entries.put(key, new Entry(m, d, metric, seeds, v, n[0], n[1], n[2], n[3], directions.bounds(metric)));
                    }
                }
                List<Double> t = times.get(pair(m, d));
                if (t != null) {
                    trainSeconds.put(pair(m, d), t.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
                }
            }
        }
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public Entry entry(String method, String dataset, String metric) {
        return entries.get(key(method, dataset, metric));
    }

    public List<String> datasets() {
        return List.copyOf(datasets);
    }

    public List<String> methods() {
        return List.copyOf(methods);
    }

    public List<String> metrics() {
        return List.copyOf(metrics);
    }

    public MetricDirections directions() {
        return directions;
    }

    /** Methods with at least one scored cell on the dataset, in the experiment's order. */
    public List<String> methodsOn(String dataset) {
        return methods.stream().filter(m -> parameters.containsKey(pair(m, dataset))).toList();
    }

    /** Metrics with a value for some method on the dataset. */
    public List<String> metricsOn(String dataset) {
        return metrics.stream().filter(metric -> methods.stream().anyMatch(m -> entries.containsKey(key(m, dataset, metric))))
                .toList();
    }

    /** Metrics with a defined value (not NaN on every seed) for some method on the dataset: the columns worth showing. */
    public List<String> definedMetricsOn(String dataset) {
        return metricsOn(dataset).stream().filter(metric -> methods.stream()
                .map(m -> entries.get(key(m, dataset, metric))).anyMatch(e -> e != null && e.values().length > 0)).toList();
    }

    /** Metrics of the dataset whose every value is undefined (e.g. localization without attention maps). */
    public List<String> undefinedMetricsOn(String dataset) {
        List<String> defined = definedMetricsOn(dataset);
        return metricsOn(dataset).stream().filter(m -> !defined.contains(m)).toList();
    }

    public Optional<Long> parameterCount(String method, String dataset) {
        return Optional.ofNullable(parameters.get(pair(method, dataset)));
    }

    /** Mean training wall time over seeds, NaN if not scored. */
    public double trainSeconds(String method, String dataset) {
        return trainSeconds.getOrDefault(pair(method, dataset), Double.NaN);
    }

    /** Whether the method learned on the dataset, and what its row is for; {@link RowLearning#NONE} if not scored. */
    public RowLearning learning(String method, String dataset) {
        return rows.getOrDefault(pair(method, dataset), RowLearning.NONE);
    }

    /** Whether the method is an upper bound on some dataset (declared, or reads privileged data at test time). */
    public boolean upperBound(String method) {
        return datasets.stream().anyMatch(d -> learning(method, d).upperBound());
    }

    /** Whether the method is a floor (a reference such as the label prior) on some dataset. */
    public boolean floor(String method) {
        return datasets.stream().anyMatch(d -> learning(method, d).floor());
    }

    /**
     * The legend of the marks the tables use: always the {@code learned} column, then one line per mark that
     * occurs (upper bound, floor, did not learn).
     */
    public List<String> legend() {
        List<String> lines = new ArrayList<>(List.of(RowLearning.LEGEND_LEARNED));
        if (rows.values().stream().anyMatch(RowLearning::upperBound)) {
            lines.add(RowLearning.LEGEND_UPPER_BOUND);
        }
        if (rows.values().stream().anyMatch(RowLearning::floor)) {
            lines.add(RowLearning.LEGEND_FLOOR);
        }
        if (rows.values().stream().anyMatch(r -> !r.evidence())) {
            lines.add(RowLearning.LEGEND_NOT_LEARNED);
        }
        return lines;
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /**
     * The method marked best on a dataset and metric: the one with the best mean, if it is significantly better
     * than the runner-up over the seeds both have. Empty when there is no runner-up or the lead is not significant.
     * Only competitors that learned on every seed take part: floors, upper bounds and rows that did not learn
     * neither get nor block the mark ({@link RowLearning#competes()}).
     */
    public Optional<String> best(String dataset, String metric) {
        boolean higher = directions.higherIsBetter(metric);
        List<Entry> ranked = methods.stream().filter(m -> learning(m, dataset).competes())
                .map(m -> entries.get(key(m, dataset, metric)))
                .filter(e -> e != null && e.values().length > 0)
                .sorted(Comparator.comparingDouble((Entry e) -> higher ? -e.mean() : e.mean()))
                .toList();
        if (ranked.size() < 2) {
            return Optional.empty();
        }
        Entry leader = ranked.get(0);
        Entry runnerUp = ranked.get(1);
        long[] common = Arrays.stream(leader.seeds()).filter(s -> !Double.isNaN(runnerUp.valueOf(s))).toArray();
        double[] a = Arrays.stream(common).mapToDouble(leader::valueOf).toArray();
        double[] b = Arrays.stream(common).mapToDouble(runnerUp::valueOf).toArray();
        return SignificantlyBetter.test(a, b, higher) ? Optional.of(leader.method()) : Optional.empty();
    }

    /** Plain-text tables, one per dataset, for the terminal. */
    public String renderText() {
        StringBuilder sb = new StringBuilder();
        for (String d : datasets) {
            List<String> cols = metricsOn(d);
            List<String> rows = methodsOn(d);
            if (rows.isEmpty()) {
                continue;
            }
            List<String> header = new ArrayList<>(List.of("method"));
            cols.forEach(metric -> header.add(directions.withUnit(metric)));
            header.addAll(List.of("params", "train s", "learned"));
            List<List<String>> table = new ArrayList<>();
            for (String m : rows) {
                List<String> row = new ArrayList<>();
                row.add(learning(m, d).label(m));
                for (String metric : cols) {
                    String cell = format(entries.get(key(m, d, metric)));
                    row.add(best(d, metric).filter(m::equals).isPresent() ? cell + " ^" : cell);
                }
                row.add(String.format(Locale.ROOT, "%,d", parameters.get(pair(m, d))));
                row.add(String.format(Locale.ROOT, "%.1f", trainSeconds(m, d)));
                row.add(learning(m, d).column());
                table.add(row);
            }
            sb.append("== ").append(d).append(" ==\n").append(TextTable.render(header, table)).append('\n');
        }
        sb.append("mean ± sd over seeds (n seeds); ^ = significantly better than the runner-up among competitors that ")
                .append("learned on every seed (paired t, p < 0.05)\n");
        legend().forEach(line -> sb.append(line).append('\n'));
        if (!problems.isEmpty()) {
            sb.append("Not scored:\n");
            problems.forEach(p -> sb.append("  ").append(p).append('\n'));
        }
        return sb.toString();
    }

    /** mean +- sd (n), with the count of seeds whose value was undefined. */
    static String format(Entry e) {
        if (e == null) {
            return "-";
        }
        String s = e.values().length == 0 ? "NaN"
                : e.values().length == 1 ? String.format(Locale.ROOT, "%.3f", e.mean())
                : String.format(Locale.ROOT, "%.3f ± %.3f", e.mean(), e.sd());
        s += " (n=" + e.values().length + ")";
        if (e.nanSeeds() > 0) {
            s += " [" + e.nanSeeds() + " NaN]";
        }
        return s;
    }

    private static String pair(String method, String dataset) {
        return method + "\u0000" + dataset;
    }

    private static String key(String method, String dataset, String metric) {
        return method + "\u0000" + dataset + "\u0000" + metric;
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }
}
