package io.kdbench.reports.gate;

import io.kdbench.store.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The gate's result for people (a table and a one-line verdict) and for machines (JSON). */
public final class GateText {
    private GateText() {
    }

    public static String table(GateResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("baseline:  ").append(r.baseline()).append('\n').append("candidate: ").append(r.candidate()).append("\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"verdict", "method", "dataset", "metric", "seeds", "learned b/c", "baseline", "candidate", "change",
                "margin", "d_z", "p", "p(worse)"});
        for (GateRow g : r.rows()) {
            rows.add(new String[] {g.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '), g.method(), g.dataset(),
                    g.metric(), Integer.toString(g.seeds()), g.baselineLearned() + " / " + g.candidateLearned(), f(g.baselineMean()), f(g.candidateMean()),
                    String.format(Locale.ROOT, "%+.4f", g.improvement()), f(g.margin()) + (g.marginSource().equals("given") ? "" : " (sd)"),
                    Double.isNaN(g.cohensDz()) ? "-" : String.format(Locale.ROOT, "%+.2f", g.cohensDz()), p(g.pValue()), p(g.pWorse())});
        }
        int[] w = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                w[i] = Math.max(w[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]).append(" ".repeat(w[i] - row[i].length() + 2));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        r.rows().stream().filter(g -> !g.note().isEmpty())
                .forEach(g -> sb.append("  note: ").append(g.method()).append(" / ").append(g.dataset()).append(" / ")
                        .append(g.metric()).append(": ").append(g.note()).append('\n'));
        sb.append("\nchange = candidate - baseline, signed so that + is better; p = two-sided paired t over seeds; ")
                .append("p(worse) = one-sided, worse by more than the margin, Holm-adjusted\n")
                .append("learned b/c = whether the baseline / candidate row learned: yes, no (k/n) = k of n seeds did not, ")
                .append("floor; a candidate that stops learning is worse; a row compared with one that did not learn is ")
                .append("not evidence (not tested, does not fail the gate)\n");
        sb.append(String.format(Locale.ROOT, "gate: %s: %d worse, %d same, %d better, %d not compared, %d not evidence (alpha %.2f)%n",
                r.passed() ? "PASS" : "FAIL", r.count(Verdict.WORSE), r.count(Verdict.SAME), r.count(Verdict.BETTER),
                r.count(Verdict.NOT_COMPARED), r.count(Verdict.NOT_EVIDENCE), r.alpha()));
        return sb.toString();
    }

    public static String json(GateResult r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("baseline", r.baseline());
        doc.put("candidate", r.candidate());
        doc.put("alpha", r.alpha());
        doc.put("passed", r.passed());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            counts.put(v.name().toLowerCase(Locale.ROOT), r.count(v));
        }
        doc.put("counts", counts);
        doc.put("rows", r.rows());
        try {
            return Json.MAPPER.writeValueAsString(doc) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String p(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3g", v);
    }
}
