package io.kdbench.reports.charts;

import io.kdbench.reports.Leaderboard;
import io.kdbench.stats.Interval;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.ScatterRenderer;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultMultiValueCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;

/** The two charts per metric: a strip plot of every seed's value, and bars of the mean with 95% CI error bars. */
public final class MetricCharts {
    private MetricCharts() {
    }

    /** One point per seed, methods side by side within each dataset. */
    public static JFreeChart strip(Leaderboard board, String metric) {
        DefaultMultiValueCategoryDataset data = new DefaultMultiValueCategoryDataset();
        for (String d : board.datasets()) {
            for (String m : board.methodsOn(d)) {
                Leaderboard.Entry e = board.entry(m, d, metric);
                if (e != null) {
                    List<Double> values = Arrays.stream(e.values()).boxed().toList();
                    data.add(values, m, d);
                }
            }
        }
        ScatterRenderer renderer = new ScatterRenderer();
        renderer.setUseSeriesOffset(true);
        renderer.setUseOutlinePaint(true);
        renderer.setDefaultOutlinePaint(Color.DARK_GRAY);
        NumberAxis range = new NumberAxis(ChartStyle.metricLabel(metric, board.directions().higherIsBetter(metric)));
        range.setAutoRangeIncludesZero(false);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("dataset"), range, renderer);
        return ChartStyle.apply(new JFreeChart(metric + ": every seed", ChartStyle.TITLE, plot, true));
    }

    /** Bars at the mean over seeds; error bars span the 95% t interval (absent below two seeds). */
    public static JFreeChart bars(Leaderboard board, String metric) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (String d : board.datasets()) {
            for (String m : board.methodsOn(d)) {
                Leaderboard.Entry e = board.entry(m, d, metric);
                if (e != null && e.values().length > 0) {
                    Interval ci = e.ci();
                    // the t interval is symmetric, so its half-width is the error bar the renderer draws
                    Double half = Double.isNaN(ci.upper()) ? null : ci.upper() - e.mean();
                    data.add((Number) e.mean(), half, m, d);
                }
            }
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setDrawBarOutline(false);
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        NumberAxis range = new NumberAxis(ChartStyle.metricLabel(metric, board.directions().higherIsBetter(metric)));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("dataset"), range, renderer);
        return ChartStyle.apply(new JFreeChart(metric + ": mean with 95% CI", ChartStyle.TITLE, plot, true));
    }
}
