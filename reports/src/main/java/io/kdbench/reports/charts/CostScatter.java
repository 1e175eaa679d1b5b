package io.kdbench.reports.charts;

import io.kdbench.reports.model.Leaderboard;
import io.kdbench.reports.model.MetricDirections;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.geom.Ellipse2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * A metric against what a method costs (deployed parameters in thousands, or training time in seconds), one mark
 * per method in its colour, named in the figure's legend rather than beside the point (names beside points clip at
 * the edges and overlap). The cost axis is logarithmic when the costs span a factor of 10 or more, linear otherwise.
 */
public final class CostScatter {
    /** Costs spanning at least this factor get a log axis. */
    static final double LOG_SPAN = 10;

    /** The cost on the x axis. */
    public enum Cost {
        PARAMETERS("deployed parameters (thousands)", "parameters", 1e-3),
        TRAIN_SECONDS("training time per cell (s)", "training time", 1);

        private final String axisLabel;
        private final String title;
        private final double scale;

        Cost(String axisLabel, String title, double scale) {
            this.axisLabel = axisLabel;
            this.title = title;
            this.scale = scale;
        }

        public String title() {
            return title;
        }
    }

    private CostScatter() {
    }

    public static PanelGrid of(Leaderboard board, String dataset, String metric, Cost cost, MethodStyles styles) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        List<String> shown = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (String m : board.methodsOn(dataset)) {
            Leaderboard.Entry e = board.entry(m, dataset, metric);
            if (e == null || e.values().length == 0) {
                continue;
            }
            double x = cost == Cost.PARAMETERS ? board.parameterCount(m, dataset).orElse(0L) : board.trainSeconds(m, dataset);
            x *= cost.scale;
            if (!(x > 0)) {
                continue; // nothing to place (and a log axis could not)
            }
            min = Math.min(min, x);
            max = Math.max(max, x);
            XYSeries s = new XYSeries(m);
            s.add(x, e.mean());
            int i = shown.size();
            data.addSeries(s);
            MethodStyle style = styles.style(m);
            renderer.setSeriesPaint(i, style.colour());
            renderer.setSeriesShape(i, new Ellipse2D.Double(-5, -5, 10, 10));
            renderer.setSeriesShapesFilled(i, style.filled());
            renderer.setSeriesOutlineStroke(i, ChartStyle.THIN);
            shown.add(m);
        }
        renderer.setUseOutlinePaint(false);
        MetricDirections directions = board.directions();
        NumberAxis y = new NumberAxis(directions.withUnit(metric) + ", "
                + ChartStyle.valueAxisLabel("", directions.higherIsBetter(metric)));
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, costAxis(cost, min, max), y, renderer);
        JFreeChart panel = ChartStyle.panel(null, plot);
        MetricPanels.keepInside(y, directions.bounds(metric));
        return new PanelGrid(dataset + ": " + metric + " against " + cost.title, List.of(panel), 1,
                new MethodLegend(styles.styles(shown)));
    }

    /** Log when the costs span a decade or more; otherwise linear, with room around equal costs. */
    static ValueAxis costAxis(Cost cost, double min, double max) {
        NumberFormat format = new ReadableNumbers();
        boolean log = Double.isFinite(min) && max / min >= LOG_SPAN;
        if (log) {
            LogAxis axis = new LogAxis(cost.axisLabel + ", log scale");
            axis.setSmallestValue(min / 2);
            axis.setNumberFormatOverride(format);
            axis.setTickUnit(new NumberTickUnit(1.0), false, false); // one tick per decade: 0.1, 1, 10, 100
            axis.setLowerMargin(0.1);
            axis.setUpperMargin(0.1);
            return axis;
        }
        NumberAxis axis = new NumberAxis(cost.axisLabel);
        axis.setAutoRangeIncludesZero(false);
        axis.setNumberFormatOverride(format);
        if (Double.isFinite(min)) {
            double span = max - min;
            double pad = span > 0 ? span * 0.15 : Math.max(Math.abs(min) * 0.1, 1e-3);
            axis.setRange(Math.max(0, min - pad), max + pad);
        }
        return axis;
    }
}
