package io.kdbench.reports.charts;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The legend of a figure: for each method a short line in its stroke with its marker (filled or hollow), then its
 * label ("prior (floor)"), in rows that wrap to the width. Each label is drawn right after its swatch, so a reader
 * of the SVG finds a method's colour just before its name.
 */
public final class MethodLegend {
    static final int ROW = 18;
    private static final int SWATCH = 22;
    private static final int GAP = 14;

    private final List<MethodStyle> entries;

    public MethodLegend(List<MethodStyle> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<MethodStyle> entries() {
        return entries;
    }

    /** The height the legend needs at this width. */
    public int height(double width) {
        if (entries.isEmpty()) {
            return 0;
        }
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            g.setFont(ChartStyle.LEGEND);
            return rows(g.getFontMetrics(), width) * ROW + 6;
        } finally {
            g.dispose();
        }
    }

    public void draw(Graphics2D g, Rectangle2D area) {
        g.setFont(ChartStyle.LEGEND);
        FontMetrics fm = g.getFontMetrics();
        double x = area.getX();
        double y = area.getY() + ROW / 2.0 + 2;
        for (MethodStyle s : entries) {
            double w = itemWidth(fm, s);
            if (x > area.getX() && x + w > area.getMaxX()) {
                x = area.getX();
                y += ROW;
            }
            g.setPaint(s.colour());
            g.setStroke(s.stroke());
            g.draw(new Line2D.Double(x, y, x + SWATCH, y));
            Shape marker = new Ellipse2D.Double(x + SWATCH / 2.0 - 4, y - 4, 8, 8);
            if (s.filled()) {
                g.fill(marker);
            } else {
                g.setPaint(Color.WHITE);
                g.fill(marker);
                g.setPaint(s.colour());
                g.setStroke(ChartStyle.THIN);
                g.draw(marker);
            }
            g.setPaint(Color.BLACK);
            g.drawString(s.label(), (float) (x + SWATCH + 4), (float) (y + fm.getAscent() / 2.0 - 1));
            x += w + GAP;
        }
    }

    private int rows(FontMetrics fm, double width) {
        int rows = 1;
        double x = 0;
        for (MethodStyle s : entries) {
            double w = itemWidth(fm, s);
            if (x > 0 && x + w > width) {
                rows++;
                x = 0;
            }
            x += w + GAP;
        }
        return rows;
    }

    private static double itemWidth(FontMetrics fm, MethodStyle s) {
        return SWATCH + 4 + fm.stringWidth(s.label());
    }
}
