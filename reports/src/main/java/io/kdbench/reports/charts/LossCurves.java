package io.kdbench.reports.charts;

import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Training curves of one dataset: one line per method, seed and named curve, epoch on the x axis. */
public final class LossCurves {
    private LossCurves() {
    }

    /** Whether any cell of the dataset (scored or failed) recorded a curve. */
    public static boolean any(List<CellRecord> cells, String dataset) {
        return cells.stream().anyMatch(c -> c.spec().dataset().equals(dataset) && c.status() != CellStatus.SKIPPED
                && c.curves().values().stream().anyMatch(v -> !v.isEmpty()));
    }

    public static JFreeChart of(List<CellRecord> cells, String dataset) {
        XYSeriesCollection data = new XYSeriesCollection();
        cells.stream().filter(c -> c.spec().dataset().equals(dataset) && c.status() != CellStatus.SKIPPED)
                .sorted(Comparator.comparing((CellRecord c) -> c.spec().method()).thenComparingLong(c -> c.spec().seed()))
                .forEach(c -> {
                    for (Map.Entry<String, List<Double>> curve : c.curves().entrySet()) {
                        String name = c.spec().method() + " seed " + c.spec().seed()
                                + (curve.getKey().equals("loss") ? "" : " " + curve.getKey())
                                + (c.status() == CellStatus.FAILED ? " (failed)" : "");
                        XYSeries s = new XYSeries(name, false, true);
                        List<Double> v = curve.getValue();
                        for (int i = 0; i < v.size(); i++) {
                            s.add(i + 1, v.get(i));
                        }
                        data.addSeries(s);
                    }
                });
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis loss = new NumberAxis("training loss");
        loss.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(data, epochs, loss, renderer);
        return ChartStyle.apply(new JFreeChart(dataset + ": training loss", ChartStyle.TITLE, plot, true));
    }
}
