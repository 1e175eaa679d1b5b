package io.kdbench.reports.html;

import io.kdbench.env.Environment;
import io.kdbench.reports.claims.ClaimResult;
import io.kdbench.reports.claims.ClaimsTables;
import io.kdbench.reports.model.Leaderboard;
import io.kdbench.reports.model.Reported;
import io.kdbench.reports.model.RowLearning;
import io.kdbench.reports.tables.Cells;
import io.kdbench.stats.ClaimVerdict;
import io.kdbench.stats.Interval;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import io.kdbench.store.UnreadableCell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import static io.kdbench.reports.html.Html.esc;

/**
 * The report's {@code index.html}: one self-contained page (inline CSS, no scripts, no network) whose images are
 * the PNGs beside it. Sections are filled in by the report writer; a section with nothing to show says why.
 */
public final class ReportPage {
    private final String title;
    private final Leaderboard board;
    private final List<CellRecord> cells;
    private final Reported reported;
    private final Map<Section, List<Figure>> figures = new EnumMap<>(Section.class);
    private final Map<Section, List<String>> notes = new EnumMap<>(Section.class);
    private final List<String> reportCommands = new ArrayList<>();
    private final List<UnreadableCell> unreadable = new ArrayList<>();
    private final List<ClaimResult> claims = new ArrayList<>();

    public ReportPage(String title, Leaderboard board, List<CellRecord> cells, Reported reported) {
        this.title = title;
        this.board = board;
        this.cells = List.copyOf(cells);
        this.reported = reported;
    }

    public void add(Section section, Figure figure) {
        figures.computeIfAbsent(section, k -> new ArrayList<>()).add(figure);
    }

    /** A sentence shown in the section (plain text, escaped). */
    public void note(Section section, String text) {
        notes.computeIfAbsent(section, k -> new ArrayList<>()).add(text);
    }

    /** A command that (re)makes this report, shown in the reproducibility section. */
    public void reportCommand(String command) {
        reportCommands.add(command);
    }

    /** Cell files of the folder that could not be read: left out of every table, named at the top and in a list. */
    public void unreadable(List<UnreadableCell> files) {
        unreadable.addAll(files);
    }

    /** The experiment's claims tested on the cells: shown first; without any, the page has no Claims section. */
    public void claims(List<ClaimResult> results) {
        claims.addAll(results);
    }

    private List<Section> sections() {
        return Arrays.stream(Section.values()).filter(s -> s != Section.CLAIMS || !claims.isEmpty()).toList();
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        sb.append("<h1>").append(esc(title)).append("</h1>\n");
        long ok = cells.stream().filter(c -> c.status() == CellStatus.OK).count();
        sb.append("<p class=\"lead\">").append(cells.size()).append(" cells: ").append(ok).append(" scored, ")
                .append(count(CellStatus.SKIPPED)).append(" skipped, ").append(count(CellStatus.FAILED)).append(" failed; ")
                .append(board.methods().size()).append(" methods × ").append(board.datasets().size()).append(" datasets. ")
                .append("Every number comes from the stored cells in <code>cells/</code>.</p>\n");
        if (!unreadable.isEmpty()) {
            sb.append("<p class=\"warn\">").append(unreadable.size()).append(unreadable.size() == 1 ? " cell file" : " cell files")
                    .append(" could not be read and are left out of every table and chart: see <a href=\"#")
                    .append(Section.NOT_SCORED.anchor()).append("\">").append(esc(Section.NOT_SCORED.title())).append("</a>.</p>\n");
        }
        sb.append("<nav><ul>");
        for (Section s : sections()) {
            sb.append("<li><a href=\"#").append(s.anchor()).append("\">").append(esc(s.title())).append("</a></li>");
        }
        sb.append("</ul></nav>\n");
        TrainingSections training = new TrainingSections(board, cells);
        for (Section s : sections()) {
            sb.append("<section id=\"").append(s.anchor()).append("\">\n<h2>").append(esc(s.title())).append("</h2>\n");
            switch (s) {
                case CLAIMS -> claims(sb);
                case LEADERBOARD -> leaderboard(sb);
                case LEARNING -> training.learning(sb);
                case TEACHERS -> training.teachers(sb);
                case SELECTION -> training.selection(sb);
                case REPORTED -> reported(sb);
                case NOT_SCORED -> notScored(sb);
                case REPRODUCIBILITY -> reproducibility(sb);
                default -> { }
            }
            for (String n : notes.getOrDefault(s, List.of())) {
                sb.append("<p class=\"note\">").append(esc(n)).append("</p>\n");
            }
            for (Figure f : figures.getOrDefault(s, List.of())) {
                sb.append("<figure><img src=\"charts/").append(esc(f.name())).append(".png\" alt=\"").append(esc(f.caption()))
                        .append("\" style=\"width:").append(f.width()).append("px\">")
                        .append("<figcaption>").append(esc(f.caption())).append(" · <a href=\"charts/").append(esc(f.name()))
                        .append(".pdf\">PDF</a> · <a href=\"charts/").append(esc(f.name()))
                        .append(".svg\">SVG</a> · <a href=\"charts/").append(esc(f.name())).append(".png\">PNG</a> · <code>")
                        .append(esc(f.name())).append("</code></figcaption></figure>\n");
            }
            sb.append("</section>\n");
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    private long count(CellStatus status) {
        return cells.stream().filter(c -> c.status() == status).count();
    }

    private void leaderboard(StringBuilder sb) {
        sb.append("<p>Each value is the mean ± sample standard deviation over seeds of the cell's headline value, ")
                .append("with the 95% Student t interval of the mean (cut at the metric's range, e.g. [0, 1] for Dice and AUROC, ")
                .append("[0, ∞) for distances in mm: the true mean lies inside it, so the cut keeps the interval's coverage), ")
                .append("the seeds used, and the cases summed over seeds ")
                .append("(<code>n_valid</code> defined of all, <code>n_penalised</code> given the penalty value). ")
                .append("<strong>Bold ▲</strong> marks a method significantly better than the runner-up ")
                .append("(two-sided paired t-test over shared seeds, p &lt; 0.05), only among competitors that learned ")
                .append("on every seed; a leader that is not significantly ahead is not marked. <em>learned</em>: ")
                .append("<code>yes</code> on every seed, <code>no (k/n)</code> when k of n seeds did not learn (the row ")
                .append("is marked <span class=\"warn\">!</span>: not evidence; see <a href=\"#learning\">Did every row ")
                .append("learn?</a>), <code>floor</code> for references such as the label prior. Floors and upper bounds ")
                .append("are tagged and do not compete.</p>\n");
        if (board.datasets().stream().allMatch(d -> board.methodsOn(d).isEmpty())) {
            sb.append("<p class=\"note\">No cell was scored.</p>\n");
            return;
        }
        for (String d : board.datasets()) {
            List<String> methods = board.methodsOn(d);
            if (methods.isEmpty()) {
                continue;
            }
            List<String> metrics = board.definedMetricsOn(d);
            sb.append("<h3>").append(esc(d)).append("</h3>\n<table class=\"board\"><thead><tr><th>method</th>");
            for (String metric : metrics) {
                sb.append("<th>").append(esc(board.directions().withUnit(metric)))
                        .append(board.directions().higherIsBetter(metric) ? " ↑" : " ↓").append("</th>");
            }
            sb.append("<th>parameters</th><th>train time (s)</th><th>learned</th></tr></thead><tbody>\n");
            for (String m : methods) {
                RowLearning learning = board.learning(m, d);
                sb.append(learning.evidence() ? "<tr>" : "<tr class=\"not-learned\">").append("<td>").append(esc(m));
                if (learning.upperBound()) {
                    sb.append(" <span class=\"tag\" title=\"declared an upper bound, or reads privileged data at test time\">upper bound</span>");
                }
                if (learning.floor()) {
                    sb.append(" <span class=\"tag\" title=\"a reference, not a competitor\">floor</span>");
                }
                if (!learning.evidence()) {
                    sb.append(" <span class=\"warn\" title=\"did not learn on some seed: not evidence\">!</span>");
                }
                sb.append("</td>");
                for (String metric : metrics) {
                    sb.append(valueCell(board.entry(m, d, metric), board.best(d, metric).filter(m::equals).isPresent(),
                            reported.of(m, d, metric)));
                }
                sb.append("<td class=\"num\">").append(board.parameterCount(m, d).map(p -> String.format(Locale.ROOT, "%,d", p)).orElse("–"))
                        .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%.1f", board.trainSeconds(m, d)))
                        .append("</td><td").append(learning.evidence() ? "" : " class=\"warn\"").append(">")
                        .append(esc(learning.column())).append("</td></tr>\n");
            }
            sb.append("</tbody></table>\n");
            if (!board.undefinedMetricsOn(d).isEmpty()) {
                sb.append("<p class=\"note\">Left out, no defined value on this dataset: ")
                        .append(esc(String.join(", ", board.undefinedMetricsOn(d)))).append(".</p>\n");
            }
        }
        sb.append("<p>Download: <a href=\"leaderboard.md\">Markdown</a> · <a href=\"leaderboard.tex\">LaTeX (booktabs)</a> · ")
                .append("<a href=\"per_seed.csv\">per_seed.csv</a> · <a href=\"per_case.csv\">per_case.csv</a> · ")
                .append("<a href=\"learning.csv\">learning.csv</a> · <a href=\"intervals.csv\">intervals.csv</a></p>\n");
    }

    private void claims(StringBuilder sb) {
        sb.append("<p>Each claim of the experiment file, tested on these cells (<code>kdbench claims</code>; ")
                .append("<a href=\"claims.csv\">claims.csv</a>). Verdicts: <em>reproduced</em> or <em>contradicted</em> ")
                .append("when Holm's adjusted p &lt; 0.05 puts the mean difference above or below the claim's boundary ")
                .append("(0 for better, −margin for not-worse), <em>inconclusive</em> otherwise; parameter claims are ")
                .append("decided by the stored counts.</p>\n<table><thead><tr>");
        ClaimsTables.HEADER.forEach(h -> sb.append("<th>").append(esc(h)).append("</th>"));
        sb.append("</tr></thead><tbody>\n");
        List<List<String>> rows = ClaimsTables.rows(claims);
        for (int i = 0; i < rows.size(); i++) {
            ClaimResult r = claims.get(i);
            boolean notEvidence = r.verdict() == ClaimVerdict.NOT_EVIDENCE;
            sb.append(notEvidence ? "<tr class=\"not-learned\">" : "<tr>");
            List<String> row = rows.get(i);
            for (int j = 0; j < row.size(); j++) {
                // seeds, diff [CI], p, Holm p, MDE: numbers, kept on one line
                sb.append(j >= 6 && j <= 10 ? "<td class=\"num nowrap\">" : "<td>").append(esc(row.get(j)));
                if (j == 0) {
                    sb.append("<br><small>").append(esc(r.claim().text())).append("</small>");
                }
                sb.append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table>\n<p class=\"note\">").append(esc(ClaimsTables.LEGEND)).append("</p>\n");
    }

    private static String valueCell(Leaderboard.Entry e, boolean best, OptionalDouble paper) {
        if (e == null) {
            return "<td class=\"num\">–</td>";
        }
        StringBuilder sb = new StringBuilder("<td class=\"num").append(best ? " best" : "").append("\">");
        int n = e.values().length;
        if (n == 0) { // undefined on every seed: nothing else to say about it
            sb.append("NaN<br><small>undefined on ").append(e.nanSeeds()).append(e.nanSeeds() == 1 ? " seed" : " seeds")
                    .append("</small>");
            paper.ifPresent(p -> sb.append("<br><small class=\"paper\">paper ").append(Cells.num(p)).append("</small>"));
            return sb.append("</td>").toString();
        }
        String main = n == 0 ? "NaN" : n == 1 ? Cells.num(e.mean()) : Cells.num(e.mean()) + " ± " + Cells.num(e.sd());
        sb.append(best ? "<strong>" + main + " ▲</strong>" : main);
        Interval ci = e.ci();
        sb.append("<br><small>");
        if (n >= 2) {
            sb.append("CI [").append(Cells.num(ci.lower())).append(", ").append(Cells.num(ci.upper())).append("] · ");
        }
        sb.append(n).append(n == 1 ? " seed" : " seeds");
        if (e.nanSeeds() > 0) {
            sb.append(" + ").append(e.nanSeeds()).append(" NaN");
        }
        sb.append(" · n_valid ").append(e.nValid()).append('/').append(e.nCases())
                .append(" · n_penalised ").append(e.nPenalised()).append("</small>");
        if (paper.isPresent()) {
            sb.append("<br><small class=\"paper\">paper ").append(Cells.num(paper.getAsDouble())).append("</small>");
        }
        return sb.append("</td>").toString();
    }

    private void reported(StringBuilder sb) {
        if (reported.isEmpty()) {
            sb.append("<p class=\"note\">The experiment gives no reported values (add <code>reported:</code> with keys ")
                    .append("<code>method/dataset/metric</code> to its file).</p>\n");
            return;
        }
        sb.append("<p>A paper's reported value beside kdbench's reproduction. <em>Inside CI</em> says whether the ")
                .append("reported value lies in the 95% interval of our mean over seeds.</p>\n");
        sb.append("<table><thead><tr><th>method</th><th>dataset</th><th>metric</th><th>reported</th><th>kdbench</th>")
                .append("<th>95% CI</th><th>kdbench − reported</th><th>inside CI</th></tr></thead><tbody>\n");
        for (Map.Entry<String, Double> r : new java.util.TreeMap<>(reported.values()).entrySet()) {
            String[] k = r.getKey().split("/", 3);
            Leaderboard.Entry e = board.entry(k[0], k[1], k[2]);
            sb.append("<tr><td>").append(esc(k[0])).append("</td><td>").append(esc(k[1])).append("</td><td>").append(esc(k[2]))
                    .append("</td><td class=\"num\">").append(Cells.num(r.getValue())).append("</td>");
            if (e == null || e.values().length == 0) {
                sb.append("<td colspan=\"4\">not in this report's cells</td></tr>\n");
                continue;
            }
            Interval ci = e.ci();
            sb.append("<td class=\"num\">").append(Cells.num(e.mean())).append("</td><td class=\"num\">[")
                    .append(Cells.num(ci.lower())).append(", ").append(Cells.num(ci.upper())).append("]</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%+.3f", e.mean() - r.getValue())).append("</td><td>")
                    .append(Double.isNaN(ci.lower()) ? "n/a (1 seed)" : ci.contains(r.getValue()) ? "yes" : "no").append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n");
    }

    private void notScored(StringBuilder sb) {
        if (!unreadable.isEmpty()) {
            sb.append("<p class=\"warn\">Unreadable cell files (left out; <code>kdbench verify</code> fails on them, a run ")
                    .append("recomputes the cells of its grid):</p>\n<ul>");
            for (UnreadableCell u : unreadable) {
                sb.append("<li><code>").append(esc(u.file().toString())).append("</code>: ").append(esc(u.problem())).append("</li>");
            }
            sb.append("</ul>\n");
        }
        List<Leaderboard.Problem> problems = board.problems();
        if (problems.isEmpty()) {
            sb.append("<p>Every stored cell was scored.</p>\n");
            return;
        }
        sb.append("<table><thead><tr><th>status</th><th>method</th><th>dataset</th><th>seed</th><th>reason</th></tr></thead><tbody>\n");
        for (Leaderboard.Problem p : problems) {
            sb.append("<tr class=\"").append(p.status().name().toLowerCase(Locale.ROOT)).append("\"><td>")
                    .append(p.status().name().toLowerCase(Locale.ROOT)).append("</td><td>").append(esc(p.method()))
                    .append("</td><td>").append(esc(p.dataset())).append("</td><td>").append(p.seed()).append("</td><td>")
                    .append(esc(p.reason())).append(p.failedEpoch() >= 0 ? " (epoch " + p.failedEpoch() + ")" : "")
                    .append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n");
    }

    private void reproducibility(StringBuilder sb) {
        Map<Environment, Integer> envs = new LinkedHashMap<>();
        Set<String> commands = new LinkedHashSet<>();
        String first = null;
        String last = null;
        for (CellRecord c : cells) {
            envs.merge(c.provenance().environment(), 1, Integer::sum);
            commands.add(c.provenance().command());
            String end = c.provenance().endTime();
            first = first == null || end.compareTo(first) < 0 ? end : first;
            last = last == null || end.compareTo(last) > 0 ? end : last;
        }
        sb.append("<p>The cells were stored between ").append(esc(String.valueOf(first))).append(" and ")
                .append(esc(String.valueOf(last))).append(", in ").append(envs.size())
                .append(envs.size() == 1 ? " environment" : " environments").append(":</p>\n");
        sb.append("<table><thead><tr><th>cells</th><th>code</th><th>backend</th><th>versions</th><th>hardware</th><th>Java / OS</th></tr></thead><tbody>\n");
        for (Map.Entry<Environment, Integer> e : envs.entrySet()) {
            Environment v = e.getKey();
            sb.append("<tr><td class=\"num\">").append(e.getValue()).append("</td><td><code>").append(esc(v.codeVersion()))
                    .append("</code><br><small>commit ").append(esc(v.gitCommit())).append("</small></td><td>").append(esc(v.backendName())).append("</td><td>").append(esc(join(v.backendVersions())))
                    .append("</td><td>").append(esc(v.cpuModel())).append(" · ").append(v.availableProcessors()).append(" threads")
                    .append(v.device().isEmpty() ? "" : " · " + esc(join(v.device()))).append("</td><td>")
                    .append(esc(v.javaVersion())).append(" · ").append(esc(v.os())).append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n");
        if (envs.keySet().stream().anyMatch(Environment::gitDirty)) {
            sb.append("<p class=\"note\">Some cells were made from a working tree with uncommitted changes (-dirty).</p>\n");
        }
        sb.append("<p>The commands that made the cells:</p>\n<pre>");
        commands.forEach(c -> sb.append(esc(c)).append('\n'));
        sb.append("</pre>\n<p>The command that made this report:</p>\n<pre>");
        reportCommands.forEach(c -> sb.append(esc(c)).append('\n'));
        sb.append("</pre>\n");
    }

    private static String join(Map<String, String> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return sb.length() == 0 ? "–" : sb.toString();
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto; max-width: 1200px;
                   padding: 0 1rem; color: #222; line-height: 1.45; }
            h1 { font-size: 1.7rem; margin-bottom: .2rem; }
            h2 { border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2.2rem; }
            nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1rem; font-size: .9rem; }
            table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .9rem; }
            th, td { border-bottom: 1px solid #e2e2e2; padding: .35rem .6rem; text-align: left; vertical-align: top; }
            th { background: #f4f4f4; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            td.best { background: #e9f6ea; }
            td.nowrap { white-space: nowrap; }
            small { color: #666; }
            small.paper { color: #8a4b00; }
            .tag { font-size: .75rem; background: #fff1d6; border: 1px solid #e0b96a; border-radius: 3px; padding: 0 .3rem; }
            tr.failed td { background: #fdecec; }
            tr.skipped td { background: #f6f6f6; }
            tr.not-learned td { background: #fff6e5; }
            .warn { color: #b00020; font-weight: bold; }
            .note { color: #555; font-style: italic; }
            figure { display: inline-block; margin: .5rem 1rem 1rem 0; vertical-align: top; }
            figure img { max-width: 100%; border: 1px solid #eee; }
            figcaption { font-size: .85rem; color: #555; }
            pre { background: #f6f8fa; padding: .6rem; overflow-x: auto; }
            .lead { color: #444; }
            """;
}
