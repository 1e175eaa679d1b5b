package io.kdbench.reports.html;

import io.kdbench.api.Selection;
import io.kdbench.learning.LearningVerdict;
import io.kdbench.reports.model.Leaderboard;
import io.kdbench.reports.model.RowLearning;
import io.kdbench.reports.model.TrainingExtras;
import io.kdbench.reports.tables.Cells;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.kdbench.reports.html.Html.esc;

/**
 * The report's sections on how each row trained, from the scored cells: whether it learned (the harness's
 * verdict per seed), its teachers' validation scores, and the step its model was chosen at. Rows are in the
 * leaderboard's order, seeds ascending.
 */
final class TrainingSections {
    private static final String RATIO = String.valueOf(LearningVerdict.LOSS_RATIO);

    /** One method on one dataset: its scored cells, seeds ascending. */
    private record Row(String method, String dataset, List<CellRecord> cells) {
        String head() {
            return "<tr><td>" + esc(method) + "</td><td>" + esc(dataset) + "</td>";
        }
    }

    private final Leaderboard board;
    private final List<Row> rows = new ArrayList<>();

    TrainingSections(Leaderboard board, List<CellRecord> cells) {
        this.board = board;
        for (String d : board.datasets()) {
            for (String m : board.methodsOn(d)) {
                rows.add(new Row(m, d, cells.stream()
                        .filter(c -> c.status() == CellStatus.OK && c.spec().method().equals(m) && c.spec().dataset().equals(d))
                        .sorted(Comparator.comparingLong(c -> c.spec().seed())).toList()));
            }
        }
    }

    /** Per dataset, every scored cell's verdict with the numbers that decided it. */
    void learning(StringBuilder sb) {
        sb.append("<p>After training, the harness judges every cell against the label prior fitted on the training ")
                .append("labels. A classification row learned when its training cross-entropy is at most ")
                .append(RATIO)
                .append(" × the prior's entropy and its validation score (the dataset's primary metric) beats the ")
                .append("prior's; a segmentation row when its validation Dice beats the prior's (the mean mask). ")
                .append("A row that did not learn on some seed is marked <strong>!</strong> in every table, never gets ")
                .append("or blocks the best mark, and is not evidence in <code>kdbench compare</code>. Floors are ")
                .append("references and are not judged.</p>\n");
        if (rows.isEmpty()) {
            sb.append("<p class=\"note\">No cell was scored.</p>\n");
            return;
        }
        for (String d : board.datasets()) {
            if (board.methodsOn(d).isEmpty()) {
                continue;
            }
            sb.append("<h3>").append(esc(d)).append("</h3>\n<table><thead><tr><th>method</th><th>role</th><th>seed</th>")
                    .append("<th>status</th><th>metric</th><th>validation</th><th>label prior</th><th>training loss</th>")
                    .append("<th>").append(RATIO).append(" × prior entropy</th><th>reason</th></tr></thead><tbody>\n");
            for (Row row : rows.stream().filter(r -> r.dataset().equals(d)).toList()) {
                String m = row.method();
                for (CellRecord c : row.cells()) {
                    LearningVerdict v = c.learning();
                    sb.append("<tr").append(RowLearning.didNotLearn(c) ? " class=\"not-learned\"" : "").append("><td>")
                            .append(esc(m)).append("</td><td>").append(role(c)).append("</td><td class=\"num\">")
                            .append(c.spec().seed()).append("</td>");
                    if (v == null) {
                        sb.append("<td>no verdict</td><td colspan=\"6\">stored without a verdict: not evidence</td></tr>\n");
                        continue;
                    }
                    sb.append("<td>").append(v.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append("</td><td>")
                            .append(esc(String.valueOf(v.metric()))).append("</td>").append(num(v.validation()))
                            .append(num(v.floorValidation())).append(num(v.trainLoss()))
                            .append(num(LearningVerdict.LOSS_RATIO * v.priorEntropy()))
                            .append("<td><small>").append(esc(Objects.toString(v.reason(), ""))).append("</small></td></tr>\n");
                }
            }
            sb.append("</tbody></table>\n");
        }
        sb.append("<p>Download: <a href=\"learning.csv\">learning.csv</a></p>\n");
    }

    /** Per method and dataset, each teacher's validation score, mean over seeds. */
    void teachers(StringBuilder sb) {
        sb.append("<p>The validation score of each teacher a method trained (extras <code>kdbench.teachers</code>), ")
                .append("mean over the seeds that stored one; n = those seeds.</p>\n");
        if (rows.stream().flatMap(r -> r.cells().stream()).allMatch(c -> TrainingExtras.teachers(c).isEmpty())) {
            sb.append("<p class=\"note\">No teacher scores stored.</p>\n");
            return;
        }
        sb.append("<table><thead><tr><th>method</th><th>dataset</th><th>teacher</th><th>metric</th>")
                .append("<th>validation (mean)</th><th>n</th></tr></thead><tbody>\n");
        for (Row row : rows) {
            Map<String, List<TrainingExtras.TeacherScore>> byTeacher = group(row.cells(), TrainingExtras::teachers);
            String head = row.head();
            if (byTeacher.isEmpty()) {
                sb.append(head).append("<td colspan=\"4\" class=\"note\">no teacher scores stored</td></tr>\n");
            }
            byTeacher.forEach((teacher, scores) -> sb.append(head).append("<td>").append(esc(teacher)).append("</td><td>")
                    .append(esc(scores.get(0).metric())).append("</td>")
                    .append(meanAndN(scores.stream().mapToDouble(TrainingExtras.TeacherScore::validation).toArray()))
                    .append("</tr>\n"));
        }
        sb.append("</tbody></table>\n");
    }

    /** Per method and dataset, the step each model was chosen at and its validation score there. */
    void selection(StringBuilder sb) {
        sb.append("<p>How each model was chosen on the validation split (extras <code>kdbench.selection</code>): ")
                .append("the chosen step per seed, and the validation score at it, mean over seeds.</p>\n");
        if (rows.stream().flatMap(r -> r.cells().stream()).allMatch(c -> TrainingExtras.selections(c).isEmpty())) {
            sb.append("<p class=\"note\">None stored.</p>\n");
            return;
        }
        sb.append("<table><thead><tr><th>method</th><th>dataset</th><th>model</th><th>metric</th>")
                .append("<th>chosen step per seed</th><th>validation at it (mean)</th><th>n</th></tr></thead><tbody>\n");
        for (Row row : rows) {
            Map<String, List<Selection>> byModel = group(row.cells(), TrainingExtras::selections);
            String head = row.head();
            if (byModel.isEmpty()) {
                sb.append(head).append("<td colspan=\"5\" class=\"note\">none stored</td></tr>\n");
            }
            byModel.forEach((model, selections) -> sb.append(head).append("<td>").append(esc(model)).append("</td><td>")
                    .append(esc(selections.get(0).metric())).append("</td><td class=\"num\">")
                    .append(selections.stream().map(s -> Integer.toString(s.chosenStep())).collect(Collectors.joining(", ")))
                    .append("</td>").append(meanAndN(selections.stream().mapToDouble(Selection::chosenScore).toArray()))
                    .append("</tr>\n"));
        }
        sb.append("</tbody></table>\n");
    }

    /** Name to its values over the row's seeds (seeds ascending), names in first-seen order. */
    private static <T> Map<String, List<T>> group(List<CellRecord> cells, Function<CellRecord, Map<String, T>> read) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        for (CellRecord c : cells) {
            read.apply(c).forEach((name, v) -> out.computeIfAbsent(name, k -> new ArrayList<>()).add(v));
        }
        return out;
    }

    /** Two cells: the mean of the defined values and their count. */
    private static String meanAndN(double[] values) {
        double[] defined = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        double mean = java.util.Arrays.stream(defined).average().orElse(Double.NaN);
        return num(mean) + "<td class=\"num\">" + defined.length + "</td>";
    }

    private static String role(CellRecord c) {
        return c.floor() ? "floor" : c.upperBound() ? "upper bound" : "competitor";
    }

    private static String num(double v) {
        return "<td class=\"num\">" + (Double.isNaN(v) ? "–" : Cells.num(v)) + "</td>";
    }
}
