package io.kdbench.reports.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.TextTitle;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Stroke;

/** One look for every chart: white background, light grey grid, the same fonts. */
final class ChartStyle {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    static final Font PANEL_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Stroke THIN = new BasicStroke(1.2f);

    static {
        // rotated labels (the value axes) as text rather than glyph outlines, so an SVG's axis label can be read and searched
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ChartStyle() {
    }

    /** A whole chart: white, grey grid, the report's fonts. */
    static JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE);
        }
        chart.setAntiAlias(true);
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        if (plot instanceof CategoryPlot p) {
            p.setRangeGridlinePaint(GRID);
            axes(p.getDomainAxis(), p.getRangeAxis());
        } else if (plot instanceof XYPlot p) {
            p.setRangeGridlinePaint(GRID);
            p.setDomainGridlinePaint(GRID);
            axes(p.getDomainAxis(), p.getRangeAxis());
        }
        return chart;
    }

    /** A small panel of a {@link PanelGrid}: no legend of its own (the figure has one), a smaller title or none. */
    static JFreeChart panel(String title, Plot plot) {
        JFreeChart chart = new JFreeChart(title, PANEL_TITLE, plot, false);
        apply(chart);
        if (chart.getTitle() != null) {
            ((TextTitle) chart.getTitle()).setFont(PANEL_TITLE);
        }
        return chart;
    }

    private static void axes(Axis... axes) {
        for (Axis a : axes) {
            a.setLabelFont(LABEL);
            a.setTickLabelFont(TICK);
        }
    }

    /** The axis label of a metric: its unit if it has one, and which way is better ("mm, lower is better"). */
    static String valueAxisLabel(String unit, boolean higherIsBetter) {
        String direction = higherIsBetter ? "higher is better" : "lower is better";
        return unit.isEmpty() ? direction : unit + ", " + direction;
    }

    /** The text, shortened with an ellipsis to fit the width. */
    static String fit(String text, FontMetrics fm, double width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String s = text;
        while (s.length() > 1 && fm.stringWidth(s + "…") > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }
}
