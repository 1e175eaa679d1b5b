package io.kdbench.reports.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.Drawable;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * One figure: a title, small charts in a grid (row by row; a null panel leaves its place empty) and one shared
 * {@link MethodLegend} below them. Its height follows from the width ({@link #height(int)}), so a figure can be
 * written at any width, e.g. one column of a paper.
 */
public final class PanelGrid implements Drawable {
    private static final int TITLE_LINE = 18;
    private static final int MIN_PANEL_HEIGHT = 150;
    private static final int MAX_PANEL_HEIGHT = 300;

    private final String title;
    private final List<JFreeChart> panels;
    private final int columns;
    private final MethodLegend legend;

    /**
     * @param columns panels per row at full width; fewer when the figure is narrow (a panel stays at least 180 px)
     */
    public PanelGrid(String title, List<JFreeChart> panels, int columns, MethodLegend legend) {
        this.title = title;
        this.panels = new ArrayList<>(panels);
        this.columns = Math.max(1, columns);
        this.legend = legend;
    }

    public List<JFreeChart> panels() {
        return List.copyOf(panels);
    }

    public MethodLegend legend() {
        return legend;
    }

    /** Panels per row at this width. */
    int columns(int width) {
        return Math.max(1, Math.min(Math.min(columns, panels.size()), width / 180));
    }

    /** The height that fits every panel and the legend at this width. */
    public int height(int width) {
        int cols = columns(width);
        int rows = (panels.size() + cols - 1) / cols;
        return titleHeight(width) + rows * panelHeight(width, cols) + legend.height(width - 20) + 8;
    }

    private int titleHeight(int width) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            g.setFont(ChartStyle.TITLE);
            return titleLines(g.getFontMetrics(), width).size() * TITLE_LINE + 6;
        } finally {
            g.dispose();
        }
    }

    /** The title in lines that fit the width, broken between words. */
    private List<String> titleLines(FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : title.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && fm.stringWidth(candidate) > width - 10) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static int panelHeight(int width, int cols) {
        return Math.max(MIN_PANEL_HEIGHT, Math.min(MAX_PANEL_HEIGHT, (int) (width / (double) cols * 0.75)));
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        int width = (int) area.getWidth();
        g.setPaint(Color.WHITE);
        g.fill(area);
        g.setPaint(Color.BLACK);
        g.setFont(ChartStyle.TITLE);
        FontMetrics fm = g.getFontMetrics();
        List<String> lines = titleLines(fm, width);
        for (int i = 0; i < lines.size(); i++) {
            String shown = ChartStyle.fit(lines.get(i), fm, width - 10);
            g.drawString(shown, (float) (area.getX() + (width - fm.stringWidth(shown)) / 2.0),
                    (float) area.getY() + 17 + i * TITLE_LINE);
        }
        int top = titleHeight(width);
        int cols = columns(width);
        double pw = (width - 10) / (double) cols;
        double ph = panelHeight(width, cols);
        for (int i = 0; i < panels.size(); i++) {
            JFreeChart p = panels.get(i);
            if (p != null) {
                double x = area.getX() + 5 + (i % cols) * pw;
                double y = area.getY() + top + (i / cols) * ph;
                p.draw(g, new Rectangle2D.Double(x, y, pw, ph));
            }
        }
        int rows = (panels.size() + cols - 1) / cols;
        double legendTop = area.getY() + top + rows * ph + 4;
        legend.draw(g, new Rectangle2D.Double(area.getX() + 10, legendTop, width - 20, area.getMaxY() - legendTop));
    }
}
