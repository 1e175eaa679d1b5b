package io.kdbench.reports.charts;

import io.kdbench.stats.Friedman;
import org.jfree.chart.ui.Drawable;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Demšar's critical-difference diagram: the methods' average ranks on an axis from 1 (best, left) to k, the
 * Nemenyi critical difference as a bar, and a thick line joining each maximal group of methods whose average
 * ranks differ by less than the CD (not significantly different).
 */
public final class CriticalDifferenceDiagram implements Drawable {
    private final String title;
    private final List<String> methods;
    private final Friedman friedman;
    private final double cd;
    private final String blocks;

    /**
     * @param methods  names in the order of {@code friedman}'s average ranks
     * @param friedman the test over datasets
     * @param alpha    0.05 or 0.10
     */
    public CriticalDifferenceDiagram(String title, List<String> methods, Friedman friedman, double alpha) {
        this(title, methods, friedman, alpha, "datasets");
    }

    /** @param blocks what the test's blocks are, for the CD label: "datasets" or "seeds" */
    public CriticalDifferenceDiagram(String title, List<String> methods, Friedman friedman, double alpha, String blocks) {
        this.blocks = blocks;
        this.title = title;
        this.methods = List.copyOf(methods);
        this.friedman = friedman;
        this.cd = friedman.criticalDifference(alpha);
    }

    public double criticalDifference() {
        return cd;
    }

    /**
     * Maximal groups of methods (indices, best first) whose average ranks span less than the CD; groups of one
     * are left out, as in Demšar's figures.
     */
    public List<int[]> cliques() {
        double[] r = friedman.averageRanks();
        Integer[] order = IntStream.range(0, r.length).boxed().sorted(Comparator.comparingDouble(i -> r[i]))
                .toArray(Integer[]::new);
        List<int[]> out = new ArrayList<>();
        int lastEnd = -1;
        for (int i = 0; i < order.length; i++) {
            int j = i;
            while (j + 1 < order.length && r[order[j + 1]] - r[order[i]] < cd) {
                j++;
            }
            if (j > i && j > lastEnd) { // not contained in the previous group
                out.add(Arrays.stream(order, i, j + 1).mapToInt(Integer::intValue).toArray());
                lastEnd = j;
            }
        }
        return out;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        double[] r = friedman.averageRanks();
        int k = r.length;
        g.setColor(Color.WHITE);
        g.fill(area);
        g.setColor(Color.BLACK);
        g.setFont(ChartStyle.TITLE);
        FontMetrics titleMetrics = g.getFontMetrics();
        g.drawString(ChartStyle.fit(title, titleMetrics, area.getWidth() - 20), (float) area.getX() + 10, (float) area.getY() + 18);
        g.setFont(ChartStyle.LABEL);
        FontMetrics fm = g.getFontMetrics();
        Integer[] order = IntStream.range(0, k).boxed().sorted(Comparator.comparingDouble(i -> r[i])).toArray(Integer[]::new);
        int half = (k + 1) / 2;
        // labels sit outside the axis, better half on the left, worse on the right; each side gets at most 30% of the width
        double maxLabel = area.getWidth() * 0.3;
        double leftLabels = 0;
        double rightLabels = 0;
        for (int pos = 0; pos < k; pos++) {
            double w = Math.min(maxLabel, fm.stringWidth(label(order[pos], r)));
            if (pos < half) {
                leftLabels = Math.max(leftLabels, w);
            } else {
                rightLabels = Math.max(rightLabels, w);
            }
        }
        double left = area.getX() + 10 + leftLabels + 8;
        double right = area.getMaxX() - 10 - rightLabels - 8;
        double axisY = area.getY() + 70;
        g.setStroke(new BasicStroke(1.2f));
        g.draw(new Line2D.Double(left, axisY, right, axisY));
        for (int i = 1; i <= k; i++) {
            double x = x(i, k, left, right);
            g.draw(new Line2D.Double(x, axisY - 6, x, axisY));
            String s = Integer.toString(i);
            g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), (float) axisY - 10);
        }
        // the CD bar, above the axis, from rank 1 (cut at rank k when it is wider than the axis)
        double cdY = area.getY() + 38;
        double cdStart = x(1, k, left, right);
        double cdEnd = x(Math.min(k, 1 + cd), k, left, right);
        g.draw(new Line2D.Double(cdStart, cdY, cdEnd, cdY));
        g.draw(new Line2D.Double(cdStart, cdY - 4, cdStart, cdY + 4));
        g.draw(new Line2D.Double(cdEnd, cdY - 4, cdEnd, cdY + 4));
        String cdText = String.format(Locale.ROOT, "CD = %.2f (%d %s)", cd, friedman.datasets(), blocks);
        double textWidth = fm.stringWidth(cdText);
        double textX = cdEnd + 6 + textWidth <= area.getMaxX() - 10 ? cdEnd + 6 : Math.max(area.getX() + 10, cdStart);
        double textY = textX == cdEnd + 6 ? cdY + 4 : cdY - 6;
        g.drawString(cdText, (float) textX, (float) textY);

        // cliques, as thick bars just under the axis
        List<int[]> cliques = cliques();
        g.setStroke(new BasicStroke(4f));
        for (int c = 0; c < cliques.size(); c++) {
            int[] grp = cliques.get(c);
            double y = axisY + 12 + c * 8;
            g.draw(new Line2D.Double(x(r[grp[0]], k, left, right) - 3, y, x(r[grp[grp.length - 1]], k, left, right) + 3, y));
        }
        // method labels outside the axis, elbow lines from each rank down and out to them
        g.setStroke(new BasicStroke(1f));
        double labelTop = axisY + 22 + cliques.size() * 8;
        for (int pos = 0; pos < k; pos++) {
            int m = order[pos];
            boolean leftSide = pos < half;
            int row = leftSide ? pos : k - 1 - pos;
            double y = labelTop + row * 20 + 10;
            double x = x(r[m], k, left, right);
            g.draw(new Line2D.Double(x, axisY, x, y));
            g.draw(new Line2D.Double(x, y, leftSide ? left - 4 : right + 4, y));
            String label = ChartStyle.fit(label(m, r), fm, maxLabel);
            float tx = leftSide ? (float) (left - 8 - fm.stringWidth(label)) : (float) (right + 8);
            g.drawString(label, tx, (float) y + 4);
        }
    }

    private String label(int method, double[] ranks) {
        return String.format(Locale.ROOT, "%s (%.2f)", methods.get(method), ranks[method]);
    }

    /** Layout height for k methods and the cliques found. */
    public int height() {
        return 110 + cliques().size() * 8 + ((methods.size() + 1) / 2) * 20;
    }

    private static double x(double rank, int k, double left, double right) {
        return left + (rank - 1) / Math.max(1, k - 1) * (right - left);
    }
}
