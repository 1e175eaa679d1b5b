package io.kdbench.reports.tables;

import io.kdbench.reports.Leaderboard;
import io.kdbench.reports.Reported;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The leaderboard as paper tables, one per dataset: rows are methods, columns metrics, each value
 * mean ± sd [95% CI] over seeds, bold where significantly better than the runner-up, with a paper's reported
 * value beside it when the experiment gives one. The last column says whether the row learned; the method's name
 * carries the marks of {@link io.kdbench.reports.RowLearning#label}.
 */
public final class LeaderboardTables {
    private LeaderboardTables() {
    }

    public static String render(Leaderboard board, Reported reported, TableFormat format) {
        StringBuilder sb = new StringBuilder();
        if (format == TableFormat.LATEX) {
            sb.append("% kdbench leaderboard; needs \\usepackage{booktabs}\n");
        }
        for (String d : board.datasets()) {
            List<String> methods = board.methodsOn(d);
            List<String> metrics = board.metricsOn(d);
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
            header.addAll(metrics);
            header.add("learned");
            if (format == TableFormat.MARKDOWN) {
                markdown(sb, d, header, rows);
            } else {
                latex(sb, d, header, rows);
            }
        }
        List<String> notes = new ArrayList<>(List.of("mean ± sd [95% t CI] over seeds; bold: significantly better than "
                + "the runner-up among competitors that learned on every seed (paired t over seeds, p < 0.05)."));
        notes.addAll(board.legend());
        for (String note : notes) {
            // Markdown: one paragraph per line (a blank line between); LaTeX: comments
            sb.append(format == TableFormat.MARKDOWN ? note + "\n\n" : "% " + note.replace("±", "+-") + "\n");
        }
        return sb.toString();
    }

    private static String cell(Leaderboard board, Reported reported, String m, String d, String metric, TableFormat f) {
        Leaderboard.Entry e = board.entry(m, d, metric);
        if (e == null) {
            return f == TableFormat.MARKDOWN ? "–" : "--";
        }
        String pm = f == TableFormat.MARKDOWN ? "±" : "$\\pm$";
        String v = Cells.value(e, pm);
        boolean best = board.best(d, metric).filter(m::equals).isPresent();
        if (best) {
            v = f == TableFormat.MARKDOWN ? "**" + v + "**" : "\\textbf{" + v + "}";
        }
        String counts = Cells.counts(e);
        if (!counts.isEmpty()) {
            v += " (" + (f == TableFormat.LATEX ? counts.replace("_", "\\_") : counts) + ")";
        }
        OptionalDouble paper = reported.of(m, d, metric);
        if (paper.isPresent()) {
            v += " (paper " + Cells.num(paper.getAsDouble()) + ")";
        }
        return v;
    }

    private static void markdown(StringBuilder sb, String dataset, List<String> header, List<List<String>> rows) {
        sb.append("### ").append(dataset).append("\n\n");
        sb.append("| ").append(String.join(" | ", header.stream().map(LeaderboardTables::md).toList())).append(" |\n");
        sb.append("|").append(" --- |".repeat(header.size())).append('\n');
        for (List<String> r : rows) {
            sb.append("| ").append(String.join(" | ", r.stream().map(LeaderboardTables::md).toList())).append(" |\n");
        }
        sb.append('\n');
    }

    private static void latex(StringBuilder sb, String dataset, List<String> header, List<List<String>> rows) {
        sb.append("\\begin{table}[t]\n\\centering\n\\caption{").append(tex(dataset)).append("}\n");
        sb.append("\\begin{tabular}{l").append("r".repeat(header.size() - 2)).append("l}\n\\toprule\n");
        sb.append(String.join(" & ", header.stream().map(LeaderboardTables::tex).toList())).append(" \\\\\n\\midrule\n");
        for (List<String> r : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(tex(r.get(0)));
            cells.addAll(r.subList(1, r.size() - 1)); // already LaTeX
            cells.add(tex(r.get(r.size() - 1)));
            sb.append(String.join(" & ", cells)).append(" \\\\\n");
        }
        sb.append("\\bottomrule\n\\end{tabular}\n\\end{table}\n\n");
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
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
