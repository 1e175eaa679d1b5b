package io.kdbench.reports.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.util.Map;

/** Per-client bars of a federated dataset: one group per client, one bar per method (mean over seeds). */
public final class ClientBars {
    private ClientBars() {
    }

    /**
     * @param values method to (client to mean value)
     */
    public static JFreeChart of(String dataset, String metric, boolean higherIsBetter,
                                Map<String, Map<String, Double>> values) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((method, byClient) -> byClient.forEach((client, v) -> data.addValue(v, method, client)));
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("client"),
                new NumberAxis(ChartStyle.metricLabel(metric, higherIsBetter)), renderer);
        return ChartStyle.apply(new JFreeChart(dataset + ": " + metric + " per client", ChartStyle.TITLE, plot, true));
    }
}
