package io.kdbench.reports.charts;

import io.kdbench.reports.model.Leaderboard;
import io.kdbench.reports.model.MetricDirections;
import io.kdbench.stats.Bounds;
import io.kdbench.stats.Interval;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.geom.Ellipse2D;
import java.util.List;

/**
 * The results of one dataset as one figure: a panel per metric, the dataset's methods side by side in the
 * experiment's order, each with every seed's value (small points), the mean (a large mark) and the interval of the
 * mean ({@link io.kdbench.stats.MeanInterval}, never outside the metric's range) as a vertical line.
 */
public final class MetricPanels {
    private MetricPanels() {
    }

    public static PanelGrid of(Leaderboard board, String dataset, MethodStyles styles) {
        List<String> methods = board.methodsOn(dataset);
        List<JFreeChart> panels = board.definedMetricsOn(dataset).stream().map(m -> panel(board, dataset, m, methods, styles)).toList();
        return new PanelGrid(dataset + ": every seed, the mean and its 95% interval", panels, 3,
                new MethodLegend(styles.styles(methods)));
    }

    static JFreeChart panel(Leaderboard board, String dataset, String metric, List<String> methods, MethodStyles styles) {
        XYSeriesCollection means = new XYSeriesCollection();
        XYSeriesCollection intervals = new XYSeriesCollection();
        XYSeriesCollection seeds = new XYSeriesCollection();
        XYLineAndShapeRenderer meanMarks = new XYLineAndShapeRenderer(false, true);
        XYLineAndShapeRenderer intervalLines = new XYLineAndShapeRenderer(true, false);
        XYLineAndShapeRenderer seedMarks = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < methods.size(); i++) {
            String m = methods.get(i);
            MethodStyle style = styles.style(m);
            Leaderboard.Entry e = board.entry(m, dataset, metric);
            XYSeries mean = new XYSeries(m);
            XYSeries interval = new XYSeries(m, false, true);
            XYSeries seed = new XYSeries(m, false, true);
            if (e != null && e.values().length > 0) {
                mean.add(i, e.mean());
                Interval ci = e.ci();
                if (!Double.isNaN(ci.lower())) {
                    interval.add(i, ci.lower());
                    interval.add(i, ci.upper());
                }
                double[] v = e.values();
                for (int s = 0; s < v.length; s++) {
                    seed.add(i + 0.2 + 0.12 * s / Math.max(1, v.length - 1), v[s]); // beside the mean, spread a little
                }
            }
            means.addSeries(mean);
            intervals.addSeries(interval);
            seeds.addSeries(seed);
            meanMarks.setSeriesPaint(i, style.colour());
            meanMarks.setSeriesShape(i, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
            meanMarks.setSeriesShapesFilled(i, style.filled());
            meanMarks.setSeriesOutlineStroke(i, ChartStyle.THIN);
            intervalLines.setSeriesPaint(i, style.colour());
            intervalLines.setSeriesStroke(i, style.stroke());
            seedMarks.setSeriesPaint(i, style.translucent(150));
            seedMarks.setSeriesShape(i, new Ellipse2D.Double(-2, -2, 4, 4));
        }
        meanMarks.setUseFillPaint(false);
        meanMarks.setDrawOutlines(true);
        meanMarks.setUseOutlinePaint(false);
        MetricDirections directions = board.directions();
        NumberAxis x = new NumberAxis();
        x.setRange(-0.6, Math.max(0, methods.size() - 1) + 0.6);
        x.setTickLabelsVisible(false);
        x.setTickMarksVisible(false);
        NumberAxis y = new NumberAxis(ChartStyle.valueAxisLabel(directions.unit(metric), directions.higherIsBetter(metric)));
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(means, x, y, meanMarks);
        plot.setDataset(1, intervals);
        plot.setRenderer(1, intervalLines);
        plot.setDataset(2, seeds);
        plot.setRenderer(2, seedMarks);
        plot.setDomainGridlinesVisible(false);
        JFreeChart chart = ChartStyle.panel(metric, plot);
        keepInside(y, directions.bounds(metric));
        return chart;
    }

    /** Narrows an automatic value axis so it does not run past the metric's range (a Dice axis not below 0). */
    static void keepInside(NumberAxis axis, Bounds bounds) {
        Range r = axis.getRange();
        double margin = 0.03 * r.getLength();
        double lower = Double.isFinite(bounds.lower()) ? Math.max(r.getLowerBound(), bounds.lower() - margin) : r.getLowerBound();
        double upper = Double.isFinite(bounds.upper()) ? Math.min(r.getUpperBound(), bounds.upper() + margin) : r.getUpperBound();
        if (upper > lower) {
            axis.setRange(lower, upper);
        }
    }
}
