package io.kdbench.reports.tables;

import io.kdbench.reports.model.Leaderboard;
import io.kdbench.reports.model.MetricDirections;
import io.kdbench.reports.model.Reported;
import io.kdbench.stats.Interval;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The leaderboard as paper tables, one per dataset: rows are methods in the experiment's order, columns metrics
 * (with their unit), each value mean ± sd over seeds with its 95% interval ({@link io.kdbench.stats.MeanInterval}),
 * bold where significantly better than the runner-up, with a paper's reported value beside it when the experiment
 * gives one. The last column says whether the row learned; the method's name carries the marks of
 * {@link io.kdbench.reports.model.RowLearning#label}. Columns without a defined value (localization metrics where no method
 * stored attention, say) are left out and named under the table.
 * <p>
 * LaTeX: booktabs rules, {@code \small}, the interval on a second line of each cell, and the table scaled down to
 * the text width only if it is wider (needs {@code booktabs} and {@code graphicx}).
 */
public final class LeaderboardTables {
    private LeaderboardTables() {
    }

    public static String render(Leaderboard board, Reported reported, TableFormat format) {
        StringBuilder sb = new StringBuilder();
        if (format == TableFormat.LATEX) {
            sb.append("% kdbench leaderboard, one table per dataset; needs \\usepackage{booktabs} and \\usepackage{graphicx}\n");
        }
        MetricDirections directions = board.directions();
        for (String d : board.datasets()) {
            List<String> methods = board.methodsOn(d);
            List<String> metrics = board.definedMetricsOn(d);
            if (methods.isEmpty()) {
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            for (String m : methods) {
                List<String> row = new ArrayList<>();
                row.add(board.learning(m, d).label(m));
                for (String metric : metrics) {
                    row.add(cell(board, reported, m, d, metric, format));
                }
                row.add(board.learning(m, d).column());
                rows.add(row);
            }
            List<String> header = new ArrayList<>(List.of("method"));
            metrics.forEach(metric -> header.add(directions.withUnit(metric) + (directions.higherIsBetter(metric) ? " ↑" : " ↓")));
            header.add("learned");
            String omitted = board.undefinedMetricsOn(d).isEmpty() ? ""
                    : "Left out, no defined value on this dataset: " + String.join(", ", board.undefinedMetricsOn(d)) + ".";
            if (format == TableFormat.MARKDOWN) {
                markdown(sb, d, header, rows, omitted);
            } else {
                latex(sb, d, header, rows, omitted);
            }
        }
        List<String> notes = new ArrayList<>(List.of("mean ± sd over seeds [95% Student t interval of the mean, cut at "
                + "the metric's range]; ↑ higher is better, ↓ lower is better; bold: significantly better than the "
                + "runner-up among competitors that learned on every seed (paired t over seeds, p < 0.05)."));
        notes.addAll(board.legend());
        for (String note : notes) {
            // Markdown: one paragraph per line (a blank line between); LaTeX: comments
            sb.append(format == TableFormat.MARKDOWN ? note + "\n\n" : "% " + note.replace("±", "+-").replace("↑", "(up)")
                    .replace("↓", "(down)") + "\n");
        }
        return sb.toString();
    }

    private static String cell(Leaderboard board, Reported reported, String m, String d, String metric, TableFormat f) {
        Leaderboard.Entry e = board.entry(m, d, metric);
        if (e == null) {
            return f == TableFormat.MARKDOWN ? "–" : "--";
        }
        boolean best = board.best(d, metric).filter(m::equals).isPresent();
        String counts = Cells.counts(e);
        OptionalDouble paper = reported.of(m, d, metric);
        if (f == TableFormat.MARKDOWN) {
            String v = Cells.value(e, "±");
            v = best ? "**" + v + "**" : v;
            v += counts.isEmpty() ? "" : " (" + counts + ")";
            return v + (paper.isPresent() ? " (paper " + Cells.num(paper.getAsDouble()) + ")" : "");
        }
        return latexCell(e, best, paper);
    }

    /** Mean ± sd on the first line, the interval (and counts, a paper's value) smaller on the lines below. */
    private static String latexCell(Leaderboard.Entry e, boolean best, OptionalDouble paper) {
        int n = e.values().length;
        String main = n == 0 ? "NaN" : n == 1 ? Cells.num(e.mean()) : Cells.num(e.mean()) + " $\\pm$ " + Cells.num(e.sd());
        List<String> lines = new ArrayList<>(List.of(best ? "\\textbf{" + main + "}" : main));
        if (n >= 2) {
            Interval ci = e.ci();
            lines.add("\\scriptsize [" + Cells.num(ci.lower()) + ", " + Cells.num(ci.upper()) + "]");
        }
        String compact = latexCounts(e);
        if (!compact.isEmpty()) {
            lines.add("\\scriptsize " + compact);
        }
        if (paper.isPresent()) {
            lines.add("\\scriptsize paper " + Cells.num(paper.getAsDouble()));
        }
        return lines.size() == 1 ? lines.get(0) : stacked(lines, "r");
    }

    /** Case counts in few characters ("499/600 valid, 2 NaN seeds"); nothing for a value undefined on every seed. */
    static String latexCounts(Leaderboard.Entry e) {
        if (e.values().length == 0 || Cells.counts(e).isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (e.nValid() < e.nCases()) {
            parts.add(e.nValid() + "/" + e.nCases() + " valid");
        }
        if (e.nPenalised() > 0) {
            parts.add(e.nPenalised() + " penalised");
        }
        if (e.nanSeeds() > 0) {
            parts.add(e.nanSeeds() + " NaN " + (e.nanSeeds() == 1 ? "seed" : "seeds"));
        }
        return String.join(", ", parts);
    }

    private static void markdown(StringBuilder sb, String dataset, List<String> header, List<List<String>> rows, String omitted) {
        sb.append("### ").append(dataset).append("\n\n");
        sb.append("| ").append(String.join(" | ", header.stream().map(LeaderboardTables::md).toList())).append(" |\n");
        sb.append("|").append(" --- |".repeat(header.size())).append('\n');
        for (List<String> r : rows) {
            sb.append("| ").append(String.join(" | ", r.stream().map(LeaderboardTables::md).toList())).append(" |\n");
        }
        sb.append('\n');
        if (!omitted.isEmpty()) {
            sb.append(omitted).append("\n\n");
        }
    }

    private static void latex(StringBuilder sb, String dataset, List<String> header, List<List<String>> rows, String omitted) {
        sb.append("\\begin{table}[t]\n\\centering\n\\small\n\\setlength{\\tabcolsep}{4pt}\n\\caption{")
                .append(tex(dataset)).append(": mean $\\pm$ sd over seeds, 95\\% interval below")
                .append(omitted.isEmpty() ? "" : ". " + tex(omitted)).append("}\n");
        // scaled to the text width only if wider than it (the last resort)
        sb.append("\\resizebox{\\ifdim\\width>\\textwidth\\textwidth\\else\\width\\fi}{!}{%\n");
        sb.append("\\begin{tabular}{l").append("r".repeat(header.size() - 2)).append("l}\n\\toprule\n");
        List<String> heads = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            heads.add(i == 0 || i == header.size() - 1 ? tex(h) : latexHead(h));
        }
        sb.append(String.join(" & ", heads)).append(" \\\\\n\\midrule\n");
        for (List<String> r : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(tex(r.get(0)));
            cells.addAll(r.subList(1, r.size() - 1)); // already LaTeX
            cells.add(tex(r.get(r.size() - 1)));
            sb.append(String.join(" & ", cells)).append(" \\\\\n");
        }
        sb.append("\\bottomrule\n\\end{tabular}}\n\\end{table}\n\n");
    }

    /** A metric column head on two lines: the name, then its unit and direction ("(mm) ↓"). */
    static String latexHead(String head) {
        String arrow = head.endsWith("↑") ? "$\\uparrow$" : head.endsWith("↓") ? "$\\downarrow$" : "";
        String rest = arrow.isEmpty() ? head : head.substring(0, head.length() - 2);
        int unit = rest.lastIndexOf(" (");
        String name = unit < 0 ? rest : rest.substring(0, unit);
        String second = ((unit < 0 ? "" : tex(rest.substring(unit + 1)) + " ") + arrow).trim();
        List<String> lines = new ArrayList<>(nameLines(name));
        if (!second.isEmpty()) {
            lines.add(second);
        }
        return lines.size() == 1 ? lines.get(0) : stacked(lines, "c");
    }

    /** A long hyphenated name split at the hyphen nearest its middle ("balanced-", "accuracy"), so columns stay narrow. */
    static List<String> nameLines(String name) {
        if (name.length() <= 10 || !name.contains("-")) {
            return List.of(tex(name));
        }
        int best = -1;
        for (int i = name.indexOf('-'); i >= 0; i = name.indexOf('-', i + 1)) {
            if (best < 0 || Math.abs(i - name.length() / 2) < Math.abs(best - name.length() / 2)) {
                best = i;
            }
        }
        return List.of(tex(name.substring(0, best + 1)), tex(name.substring(best + 1)));
    }

    private static String stacked(List<String> lines, String align) {
        return "\\begin{tabular}[t]{@{}" + align + "@{}}" + String.join("\\\\ ", lines) + "\\end{tabular}";
    }

    /** Escapes the pipe, the one character that breaks a Markdown table cell. */
    static String md(String s) {
        return s.replace("|", "\\|");
    }

    /** Escapes LaTeX's special characters in names (method ids, metric ids such as hd95[monai]). */
    static String tex(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> sb.append('\\').append(c);
                case '~' -> sb.append("\\textasciitilde{}");
                case '^' -> sb.append("\\textasciicircum{}");
                case '[' -> sb.append("{[}");
                case ']' -> sb.append("{]}");
                case '±' -> sb.append("$\\pm$");
                case '↑' -> sb.append("$\\uparrow$");
                case '↓' -> sb.append("$\\downarrow$");
                case '–' -> sb.append("--");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
