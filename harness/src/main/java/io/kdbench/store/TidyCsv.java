package io.kdbench.store;

import io.kdbench.api.MetricResult;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code per_seed.csv}: every stored value in tidy form, {@code method,dataset,seed,metric,class,value}. */
public final class TidyCsv {
    public static final String HEADER = "method,dataset,seed,metric,class,value";

    private TidyCsv() {
    }

    static String format(List<CellRecord> cells) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        List<CellRecord> sorted = cells.stream().filter(c -> c.status() == CellStatus.OK)
                .sorted(Comparator.comparing((CellRecord c) -> c.spec().method())
                        .thenComparing(c -> c.spec().dataset())
                        .thenComparingLong(c -> c.spec().seed()))
                .toList();
        for (CellRecord c : sorted) {
            for (Map.Entry<String, MetricResult> m : c.metrics().entrySet()) {
                for (Map.Entry<String, MetricResult.Aggregate> a : m.getValue().aggregate().entrySet()) {
                    sb.append(field(c.spec().method())).append(',')
                            .append(field(c.spec().dataset())).append(',')
                            .append(c.spec().seed()).append(',')
                            .append(field(m.getKey())).append(',')
                            .append(field(a.getKey())).append(',')
                            .append(a.getValue().value()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** RFC 4180 quoting, only where needed. */
    static String field(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
