package io.kdbench.reports.charts;

import io.kdbench.reports.Leaderboard;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.StandardXYItemLabelGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A metric against what a method costs (deployed parameters, or training time), one point per method. */
public final class CostScatter {

    /** The cost on the x axis. */
    public enum Cost {
        PARAMETERS("parameters of the deployed model"),
        TRAIN_SECONDS("training time per cell (s)");

        private final String label;

        Cost(String label) {
            this.label = label;
        }
    }

    private CostScatter() {
    }

    public static JFreeChart of(Leaderboard board, String dataset, String metric, Cost cost) {
        XYSeriesCollection data = new XYSeriesCollection();
        double min = Double.POSITIVE_INFINITY;
        for (String m : board.methodsOn(dataset)) {
            Leaderboard.Entry e = board.entry(m, dataset, metric);
            if (e == null || e.values().length == 0) {
                continue;
            }
            double x = cost == Cost.PARAMETERS ? board.parameterCount(m, dataset).orElse(0L) : board.trainSeconds(m, dataset);
            if (!(x > 0)) {
                continue; // a log axis cannot place zero
            }
            min = Math.min(min, x);
            XYSeries s = new XYSeries(m);
            s.add(x, e.mean());
            data.addSeries(s);
        }
        LogAxis xAxis = new LogAxis(cost.label);
        xAxis.setSmallestValue(Double.isFinite(min) ? min / 10 : 1e-3);
        xAxis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
        NumberAxis yAxis = new NumberAxis(ChartStyle.metricLabel(metric, board.directions().higherIsBetter(metric)));
        yAxis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setDefaultItemLabelGenerator(new StandardXYItemLabelGenerator("{0}"));
        renderer.setDefaultItemLabelsVisible(true);
        XYPlot plot = new XYPlot(data, (ValueAxis) xAxis, yAxis, renderer);
        String title = dataset + ": " + metric + " against " + (cost == Cost.PARAMETERS ? "parameters" : "training time");
        return ChartStyle.apply(new JFreeChart(title, ChartStyle.TITLE, plot, true));
    }
}
