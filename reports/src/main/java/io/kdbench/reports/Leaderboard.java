package io.kdbench.reports;

import io.kdbench.api.MetricResult;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The leaderboard: for each dataset, method x metric as mean +- sample standard deviation over seeds of each
 * cell's headline value, computed from stored cells only. Cells that were skipped or failed are listed
 * with their reasons instead of being dropped.
 */
public final class Leaderboard {

    /** One method on one dataset and one metric: the per-seed headline values. */
    public record Entry(String method, String dataset, String metric, double[] values, int nanSeeds) {
        public double mean() {
            return values.length == 0 ? Double.NaN : new Mean().evaluate(values);
        }

        /** Sample standard deviation (n-1); NaN below two seeds. */
        public double sd() {
            return values.length < 2 ? Double.NaN : new StandardDeviation(true).evaluate(values);
        }
    }

    private final List<String> datasets = new ArrayList<>();
    private final List<String> methods = new ArrayList<>();
    private final List<String> metrics = new ArrayList<>();
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Long> parameters = new LinkedHashMap<>();
    private final Map<String, Double> trainSeconds = new LinkedHashMap<>();
    private final Set<String> privileged = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();

    public static Leaderboard of(List<CellRecord> cells) {
        return new Leaderboard(cells);
    }

    private Leaderboard(List<CellRecord> cells) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        Map<String, Integer> nans = new LinkedHashMap<>();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (CellRecord c : cells) {
            String m = c.spec().method();
            String d = c.spec().dataset();
            addOnce(methods, m);
            addOnce(datasets, d);
            if (c.status() != CellStatus.OK) {
                problems.add(String.format(Locale.ROOT, "%s %s / %s / seed %d: %s", c.status().name().toLowerCase(Locale.ROOT),
                        m, d, c.spec().seed(), c.reason()));
                continue;
            }
            parameters.put(m + "\u0000" + d, c.parameterCount());
            times.computeIfAbsent(m + "\u0000" + d, k -> new ArrayList<>()).add(c.trainSeconds());
            if (c.usesPrivilegedAtTest()) {
                privileged.add(m);
            }
            for (Map.Entry<String, MetricResult> r : c.metrics().entrySet()) {
                addOnce(metrics, r.getKey());
                String key = key(m, d, r.getKey());
                double v = r.getValue().overall();
                if (Double.isNaN(v)) {
                    nans.merge(key, 1, Integer::sum);
                } else {
                    values.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
                }
            }
        }
        for (String m : methods) {
            for (String d : datasets) {
                for (String metric : metrics) {
                    String key = key(m, d, metric);
                    if (values.containsKey(key) || nans.containsKey(key)) {
                        double[] v = values.getOrDefault(key, List.of()).stream().mapToDouble(Double::doubleValue).toArray();
                        entries.put(key, new Entry(m, d, metric, v, nans.getOrDefault(key, 0)));
                    }
                }
                List<Double> t = times.get(m + "\u0000" + d);
                if (t != null) {
                    trainSeconds.put(m + "\u0000" + d, t.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
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

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Plain-text tables, one per dataset, for the terminal. */
    public String renderText() {
        StringBuilder sb = new StringBuilder();
        for (String d : datasets) {
            List<String> cols = metrics.stream()
                    .filter(metric -> methods.stream().anyMatch(m -> entries.containsKey(key(m, d, metric)))).toList();
            List<String> rows = methods.stream().filter(m -> parameters.containsKey(m + "\u0000" + d)).toList();
            if (rows.isEmpty()) {
                continue;
            }
            List<String> header = new ArrayList<>(List.of("method"));
            header.addAll(cols);
            header.addAll(List.of("params", "train s"));
            List<List<String>> table = new ArrayList<>();
            for (String m : rows) {
                List<String> row = new ArrayList<>();
                row.add(privileged.contains(m) ? m + " *" : m);
                for (String metric : cols) {
                    row.add(format(entries.get(key(m, d, metric))));
                }
                row.add(String.format(Locale.ROOT, "%,d", parameters.get(m + "\u0000" + d)));
                row.add(String.format(Locale.ROOT, "%.1f", trainSeconds.getOrDefault(m + "\u0000" + d, Double.NaN)));
                table.add(row);
            }
            sb.append("== ").append(d).append(" ==\n").append(TextTable.render(header, table)).append('\n');
        }
        if (!privileged.isEmpty()) {
            sb.append("* reads privileged data at test time: an upper bound, not a fair competitor\n");
        }
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

    private static String key(String method, String dataset, String metric) {
        return method + "\u0000" + dataset + "\u0000" + metric;
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }
}
