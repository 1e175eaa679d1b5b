package io.kdbench.reports.charts;

import io.kdbench.api.Selection;
import io.kdbench.reports.model.TrainingExtras;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training curves of one dataset as small panels, a row per method in the experiment's order: the main training
 * loss ({@code curves["loss"]}, one line per seed), the auxiliary losses in a panel of their own (teacher
 * pre-training, stage losses: one dash pattern per curve, named in the panel), and the validation score at each
 * checkpoint where the method stored its model selection. Every line is in the method's colour.
 */
public final class LossCurves {
    static final String MAIN = "loss";
    private static final List<Stroke> DASHES = List.of(new BasicStroke(1.3f),
            dash(6f, 3f), dash(1.5f, 2.5f), dash(8f, 3f, 2f, 3f), dash(12f, 4f), dash(3f, 6f));

    private LossCurves() {
    }

    /** Whether any cell of the dataset (scored or failed) recorded a curve. */
    public static boolean any(List<CellRecord> cells, String dataset) {
        return cells.stream().anyMatch(c -> c.spec().dataset().equals(dataset) && c.status() != CellStatus.SKIPPED
                && c.curves().values().stream().anyMatch(v -> !v.isEmpty()));
    }

    /**
     * @param methods the dataset's methods in the experiment's order
     */
    public static PanelGrid of(List<CellRecord> cells, String dataset, List<String> methods, MethodStyles styles) {
        List<List<JFreeChart>> rows = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (String m : methods) {
            List<CellRecord> mine = cells.stream().filter(c -> c.spec().method().equals(m) && c.spec().dataset().equals(dataset)
                    && c.status() != CellStatus.SKIPPED).sorted(Comparator.comparingLong(c -> c.spec().seed())).toList();
            List<JFreeChart> row = new ArrayList<>();
            MethodStyle style = styles.style(m);
            if (mine.stream().anyMatch(c -> !c.curves().getOrDefault(MAIN, List.of()).isEmpty())) {
                row.add(main(m, mine, style));
            }
            if (mine.stream().anyMatch(c -> c.curves().keySet().stream().anyMatch(k -> !k.equals(MAIN)))) {
                row.add(auxiliary(m, mine, style));
            }
            if (mine.stream().anyMatch(c -> !TrainingExtras.selections(c).isEmpty())) {
                row.add(validation(m, mine, style));
            }
            if (!row.isEmpty()) {
                rows.add(row);
                shown.add(m);
            }
        }
        int columns = Math.max(1, rows.stream().mapToInt(List::size).max().orElse(1));
        List<JFreeChart> panels = new ArrayList<>();
        if (columns == 1) {
            rows.forEach(panels::addAll);
            columns = 3;
        } else {
            for (List<JFreeChart> row : rows) {
                panels.addAll(row);
                for (int i = row.size(); i < columns; i++) {
                    panels.add(null);
                }
            }
        }
        return new PanelGrid(dataset + ": training curves per method, one line per seed", panels, columns,
                new MethodLegend(styles.styles(shown)));
    }

    private static JFreeChart main(String method, List<CellRecord> cells, MethodStyle style) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (CellRecord c : cells) {
            List<Double> v = c.curves().getOrDefault(MAIN, List.of());
            if (v.isEmpty()) {
                continue;
            }
            int i = data.getSeriesCount();
            data.addSeries(series(i + ": seed " + c.spec().seed() + (c.status() == CellStatus.FAILED ? " (failed)" : ""), v));
            r.setSeriesPaint(i, style.colour());
            r.setSeriesStroke(i, style.stroke());
        }
        return ChartStyle.panel(method + ": training loss", plot(data, r, "epoch", "loss"));
    }

    private static JFreeChart auxiliary(String method, List<CellRecord> cells, MethodStyle style) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        Map<String, Stroke> names = new LinkedHashMap<>();
        for (CellRecord c : cells) {
            for (Map.Entry<String, List<Double>> curve : c.curves().entrySet()) {
                if (curve.getKey().equals(MAIN) || curve.getValue().isEmpty()) {
                    continue;
                }
                Stroke stroke = names.computeIfAbsent(family(curve.getKey()), k -> DASHES.get(names.size() % DASHES.size()));
                int i = data.getSeriesCount();
                data.addSeries(series(i + ": " + curve.getKey() + " seed " + c.spec().seed(), curve.getValue()));
                r.setSeriesPaint(i, style.colour());
                r.setSeriesStroke(i, stroke);
            }
        }
        XYPlot plot = plot(data, r, "epoch", "loss");
        return withCurveLegend(method + ": auxiliary losses", plot, names, style);
    }

    private static JFreeChart validation(String method, List<CellRecord> cells, MethodStyle style) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        Map<String, Stroke> names = new LinkedHashMap<>();
        String metric = "";
        for (CellRecord c : cells) {
            for (Map.Entry<String, Selection> s : TrainingExtras.selections(c).entrySet()) {
                Selection sel = s.getValue();
                metric = sel.metric();
                Stroke stroke = names.computeIfAbsent(s.getKey(), k -> DASHES.get(names.size() % DASHES.size()));
                XYSeries series = new XYSeries(data.getSeriesCount() + ": " + s.getKey() + " seed " + c.spec().seed(), false, true);
                for (int i = 0; i < sel.steps().size(); i++) {
                    if (!Double.isNaN(sel.scores().get(i))) {
                        series.add(sel.steps().get(i), sel.scores().get(i));
                    }
                }
                int i = data.getSeriesCount();
                data.addSeries(series); // keys are unique by their index (a report may hold two cells of one seed)
                r.setSeriesPaint(i, style.colour());
                r.setSeriesStroke(i, stroke);
            }
        }
        XYPlot plot = plot(data, r, "step", "validation " + metric);
        return names.size() > 1 ? withCurveLegend(method + ": validation " + metric, plot, names, style)
                : ChartStyle.panel(method + ": validation " + metric, plot);
    }

    /** Curves numbered alike (teacher_loss_fold1..5) share one dash pattern and one legend entry: "teacher_loss_fold*". */
    static String family(String curve) {
        return curve.matches(".*\\D\\d+") ? curve.replaceAll("\\d+$", "*") : curve;
    }

    private static JFreeChart withCurveLegend(String title, XYPlot plot, Map<String, Stroke> names, MethodStyle style) {
        LegendItemCollection items = new LegendItemCollection();
        names.forEach((name, stroke) -> {
            LegendItem item = new LegendItem(name, null, null, null, new Line2D.Double(-9, 0, 9, 0), stroke, style.colour());
            item.setShapeVisible(false);
            items.add(item);
        });
        plot.setFixedLegendItems(items);
        JFreeChart chart = ChartStyle.panel(title, plot);
        LegendTitle legend = new LegendTitle(plot);
        legend.setItemFont(ChartStyle.TICK);
        chart.addLegend(legend);
        return chart;
    }

    private static XYPlot plot(XYSeriesCollection data, XYLineAndShapeRenderer r, String xLabel, String yLabel) {
        NumberAxis x = new NumberAxis(xLabel);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        return new XYPlot(data, x, y, r);
    }

    private static XYSeries series(String key, List<Double> values) {
        XYSeries s = new XYSeries(key, false, true);
        for (int i = 0; i < values.size(); i++) {
            s.add(i + 1, values.get(i));
        }
        return s;
    }

    private static Stroke dash(float... pattern) {
        return new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, pattern, 0f);
    }
}
