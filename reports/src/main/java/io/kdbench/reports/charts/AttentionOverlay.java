package io.kdbench.reports.charts;

import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Sample;
import io.kdbench.store.StoredAttention;
import org.jfree.chart.ui.Drawable;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Attention over the image, one panel per test case: the image in grey, the attention map in red (opacity follows the
 * map, scaled to its own min-max range), and the region of interest outlined in green.
 */
public final class AttentionOverlay implements Drawable {
    public static final int PANEL = 180;
    private static final int CAPTION = 18;
    /** The key under the panels: the colour bar of the attention and the ROI outline. */
    private static final int KEY = 40;
    private static final int BAR_WIDTH = 160;
    private static final Color ROI = new Color(40, 230, 60);

    /** One case: its sample (image and ROI) and the stored map. */
    public record Panel(Sample sample, StoredAttention.Map2d map) {
    }

    private final List<Panel> panels;

    public AttentionOverlay(List<Panel> panels) {
        this.panels = List.copyOf(panels);
    }

    public int width() {
        return Math.max(560, panels.size() * (PANEL + 10) + 10); // room for the key
    }

    public int height() {
        return PANEL + CAPTION + 10 + KEY;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i < panels.size(); i++) {
            int x = (int) area.getX() + 10 + i * (PANEL + 10);
            int y = (int) area.getY() + 5;
            Panel p = panels.get(i);
            g.drawImage(render(p), x, y, PANEL, PANEL, null);
            g.setColor(Color.DARK_GRAY);
            g.drawString(p.map().caseId(), x, y + PANEL + 14);
        }
        drawKey(g, area.getX() + 10, area.getY() + 5 + PANEL + CAPTION + 6);
    }

    /** The colour bar (attention from each map's minimum to its maximum, over a mid-grey pixel) and the ROI outline. */
    private static void drawKey(Graphics2D g, double x, double y) {
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.DARK_GRAY);
        String low = "attention: min of map";
        g.drawString(low, (float) x, (float) y + 12);
        double barX = x + fm.stringWidth(low) + 6;
        for (int i = 0; i < BAR_WIDTH; i++) {
            g.setColor(new Color(composite(0.5f, i / (float) (BAR_WIDTH - 1))));
            g.fill(new Rectangle2D.Double(barX + i, y + 2, 1.2, 12));
        }
        g.setColor(Color.GRAY);
        g.draw(new Rectangle2D.Double(barX, y + 2, BAR_WIDTH, 12));
        g.setColor(Color.DARK_GRAY);
        g.drawString("max", (float) (barX + BAR_WIDTH + 6), (float) y + 12);
        double roiX = barX + BAR_WIDTH + 6 + fm.stringWidth("max") + 24;
        g.setColor(ROI);
        g.setStroke(new java.awt.BasicStroke(2f));
        g.draw(new Rectangle2D.Double(roiX, y + 2, 18, 12));
        g.setColor(Color.DARK_GRAY);
        g.drawString("region of interest (outline)", (float) (roiX + 24), (float) y + 12);
        g.drawString("each map scaled to its own range; opacity of red = attention", (float) x, (float) y + 30);
    }

    /** The RGB of attention {@code heat} (0..1) over an image value {@code grey} (0..1). */
    static int composite(float grey, float heat) {
        float a = 0.6f * heat;
        int r = Math.round(255 * ((1 - a) * grey + a));
        int gb = Math.round(255 * (1 - a) * grey);
        return (r << 16) | (gb << 8) | gb;
    }

    /** The composite at the map's resolution. */
    static BufferedImage render(Panel p) {
        StoredAttention.Map2d map = p.map();
        int h = map.height();
        int w = map.width();
        Image image = imageMatching(p.sample(), h, w);
        float[] grey = normalised(image == null ? new float[h * w] : java.util.Arrays.copyOf(image.data(), h * w));
        float[] heat = normalised(map.values());
        LabelMap roi = p.sample().mask();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int yy = 0; yy < h; yy++) {
            for (int xx = 0; xx < w; xx++) {
                int i = yy * w + xx;
                boolean outline = roi != null && roi.height() == h && roi.width() == w && onBoundary(roi, yy, xx);
                out.setRGB(xx, yy, outline ? ROI.getRGB() & 0xFFFFFF : composite(grey[i], heat[i]));
            }
        }
        return out;
    }

    /** The sample's image with the map's size: "image" if it fits, else the first that does. */
    static Image imageMatching(Sample s, int h, int w) {
        Image preferred = s.images().get("image");
        if (preferred != null && preferred.height() == h && preferred.width() == w) {
            return preferred;
        }
        return s.images().values().stream().filter(im -> im.height() == h && im.width() == w).findFirst().orElse(null);
    }

    private static boolean onBoundary(LabelMap roi, int y, int x) {
        if (roi.label(0, y, x) == 0) {
            return false;
        }
        return y == 0 || x == 0 || y == roi.height() - 1 || x == roi.width() - 1
                || roi.label(0, y - 1, x) == 0 || roi.label(0, y + 1, x) == 0
                || roi.label(0, y, x - 1) == 0 || roi.label(0, y, x + 1) == 0;
    }

    private static float[] normalised(float[] v) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float f : v) {
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        float[] out = new float[v.length];
        float range = max - min;
        for (int i = 0; i < v.length; i++) {
            out[i] = range > 0 ? (v[i] - min) / range : 0;
        }
        return out;
    }
}
