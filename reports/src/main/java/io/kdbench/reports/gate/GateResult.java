package io.kdbench.reports.gate;

import java.util.List;

/** Every row of a gate run and whether it passes (nothing significantly worse beyond its margin). */
public record GateResult(String baseline, String candidate, double alpha, List<GateRow> rows) {
    public GateResult {
        rows = List.copyOf(rows);
    }

    public boolean passed() {
        return count(Verdict.WORSE) == 0;
    }

    public long count(Verdict v) {
        return rows.stream().filter(r -> r.verdict() == v).count();
    }
}
