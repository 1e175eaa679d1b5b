package io.kdbench.reports.claims;

import io.kdbench.experiment.Claim;
import io.kdbench.reports.model.TextTable;
import io.kdbench.reports.tables.TidyTables;
import io.kdbench.store.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The claims' results for people (a terminal table, Markdown) and for machines ({@code claims.csv}, JSON: the same
 * columns). Differences are row - against, signed so that + means the row is better.
 */
public final class ClaimsTables {
    public static final String CSV = "claims.csv";
    /** Under every table: what the columns mean. */
    public static final String LEGEND = "diff = row - against, mean over paired seeds, signed so that + is better, "
            + "[95% t interval]; p = two-sided paired t of diff = 0 (better) or diff = -margin (not-worse); "
            + "Holm p = adjusted over the file's tested claims; MDE = (t(0.975, n-1) + t(0.8, n-1)) sd(diff) / sqrt(n), "
            + "the effect these seeds detect 80% of the time; a claim with a row that did not learn on some seed is "
            + "not evidence (not tested).";

    /** The columns of the terminal, Markdown and HTML tables. */
    public static final List<String> HEADER = List.of("claim", "paper", "dataset", "metric", "row vs against", "expect", "seeds",
            "diff [95% CI]", "p", "Holm p", "MDE", "verdict", "reason");

    private record Column(String name, Function<ClaimResult, Object> value) {
    }

    /** claims.csv and JSON: one line per claim, NaN as NA (JSON: "NaN"), parameter counts -1 when not stored. */
    private static final List<Column> COLUMNS = List.of(
            new Column("id", r -> r.claim().id()),
            new Column("paper", r -> r.claim().paper()),
            new Column("dataset", r -> r.claim().dataset()),
            new Column("metric", r -> r.claim().metric()),
            new Column("expect", r -> r.claim().expect().yamlName()),
            new Column("margin", r -> r.claim().margin()),
            new Column("at_most_fraction", r -> r.claim().atMostFraction()),
            new Column("row", r -> r.claim().row()),
            new Column("against", r -> r.claim().against()),
            new Column("n_seeds", ClaimResult::n),
            new Column("mean_difference", ClaimResult::meanDifference),
            new Column("lower", r -> r.interval().lower()),
            new Column("upper", r -> r.interval().upper()),
            new Column("p", ClaimResult::pValue),
            new Column("holm_p", ClaimResult::holmP),
            new Column("mde", ClaimResult::mde),
            new Column("row_parameters", ClaimResult::rowParameters),
            new Column("against_parameters", ClaimResult::againstParameters),
            new Column("verdict", r -> r.verdict().text()),
            new Column("reason", ClaimResult::reason),
            new Column("text", r -> r.claim().text()));

    private ClaimsTables() {
    }

    public static String csv(List<ClaimResult> results) {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS.stream().map(Column::name).toList())).append('\n');
        for (ClaimResult r : results) {
            sb.append(String.join(",", COLUMNS.stream().map(c -> csvField(c.value().apply(r))).toList())).append('\n');
        }
        return sb.toString();
    }

    public static String json(List<ClaimResult> results) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ClaimResult r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            COLUMNS.forEach(c -> row.put(c.name(), c.value().apply(r)));
            rows.add(row);
        }
        try {
            return Json.MAPPER.writeValueAsString(Map.of("alpha", 0.05, "claims", rows)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The terminal table, each claim's sentence under it, and the legend. */
    public static String text(List<ClaimResult> results) {
        StringBuilder sb = new StringBuilder(TextTable.render(HEADER, rows(results))).append('\n');
        results.forEach(r -> sb.append(r.claim().id()).append(": ").append(r.claim().paper()).append(": ")
                .append(r.claim().text()).append('\n'));
        return sb.append('\n').append(LEGEND).append('\n').toString();
    }

    /** A "## Claims" section for the top of leaderboard.md. */
    public static String markdown(List<ClaimResult> results) {
        StringBuilder sb = new StringBuilder("## Claims\n\n| ").append(String.join(" | ", HEADER)).append(" |\n|")
                .append(" --- |".repeat(HEADER.size())).append('\n');
        for (List<String> row : rows(results)) {
            sb.append("| ").append(String.join(" | ", row.stream().map(v -> v.replace("|", "\\|")).toList())).append(" |\n");
        }
        sb.append('\n');
        results.forEach(r -> sb.append("- `").append(r.claim().id()).append("` ").append(r.claim().paper()).append(": ")
                .append(r.claim().text()).append('\n'));
        return sb.append('\n').append(LEGEND).append("\n\n").toString();
    }

    /** One line of the table per claim, formatted: '-' where a number does not apply. */
    public static List<List<String>> rows(List<ClaimResult> results) {
        List<List<String>> rows = new ArrayList<>();
        for (ClaimResult r : results) {
            Claim c = r.claim();
            boolean numbers = !Double.isNaN(r.meanDifference());
            rows.add(List.of(c.id(), c.paper(), c.dataset(), c.metric(), c.row() + " vs " + c.against(), expect(c),
                    r.n() == 0 ? "-" : Integer.toString(r.n()),
                    numbers ? String.format(Locale.ROOT, "%+.3f [%+.3f, %+.3f]", r.meanDifference(), r.interval().lower(),
                            r.interval().upper()) : "-",
                    p(r.pValue()), p(r.holmP()), Double.isNaN(r.mde()) ? "-" : String.format(Locale.ROOT, "%.3f", r.mde()),
                    r.verdict().text(), r.reason()));
        }
        return rows;
    }

    /** "better", "not-worse 0.03", "fewer-parameters", "fewer-parameters <= 0.5x". */
    static String expect(Claim c) {
        String name = c.expect().yamlName();
        if (!Double.isNaN(c.margin())) {
            return name + " " + shortNumber(c.margin());
        }
        return Double.isNaN(c.atMostFraction()) ? name : name + " <= " + shortNumber(c.atMostFraction()) + "x";
    }

    private static String shortNumber(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String p(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3g", v);
    }

    /** As the other tidy tables: NaN as NA, RFC 4180 quoting where needed. */
    private static String csvField(Object v) {
        return v instanceof Double d ? TidyTables.num(d) : TidyTables.field(String.valueOf(v));
    }
}
