package io.kdbench.reports.model;

import java.util.List;

/** Left-aligned columns padded to their widest cell, for terminal output. */
public final class TextTable {
    private TextTable() {
    }

    public static String render(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            widths[i] = header.get(i).length();
            for (List<String> r : rows) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, widths);
        StringBuilder rule = new StringBuilder();
        for (int w : widths) {
            rule.append("-".repeat(w)).append("  ");
        }
        sb.append(rule.toString().stripTrailing()).append('\n');
        rows.forEach(r -> line(sb, r, widths));
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] widths) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            l.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length() + 2));
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }
}
