package io.kdbench.reports.charts;

import io.kdbench.reports.model.MetricDirections;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Per-client bars of a federated dataset: one group per client, one bar per method (mean over seeds) in the method's
 * colour; floors and upper bounds as pale bars with a dashed or dotted outline.
 */
public final class ClientBars {
    private ClientBars() {
    }

    /**
     * @param methods the methods in the experiment's order
     * @param values  method to (client to mean value)
     */
    public static PanelGrid of(String dataset, String metric, MetricDirections directions, List<String> methods,
                               Map<String, Map<String, Double>> values, MethodStyles styles) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        List<String> shown = new ArrayList<>();
        for (String m : methods) {
            Map<String, Double> byClient = values.get(m);
            if (byClient == null) {
                continue;
            }
            byClient.forEach((client, v) -> data.addValue(v, m, client));
            MethodStyle style = styles.style(m);
            int i = shown.size();
            renderer.setSeriesPaint(i, style.filled() ? style.colour() : style.translucent(60));
            renderer.setSeriesOutlinePaint(i, style.colour());
            renderer.setSeriesOutlineStroke(i, style.stroke());
            shown.add(m);
        }
        NumberAxis y = new NumberAxis(directions.withUnit(metric) + ", "
                + ChartStyle.valueAxisLabel("", directions.higherIsBetter(metric)));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("client"), y, renderer);
        JFreeChart panel = ChartStyle.panel(null, plot);
        return new PanelGrid(dataset + ": " + metric + " per client, mean over seeds", List.of(panel), 1,
                new MethodLegend(styles.styles(shown)));
    }
}
