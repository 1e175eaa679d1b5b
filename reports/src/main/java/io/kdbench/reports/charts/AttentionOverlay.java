package io.kdbench.reports.charts;

import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Sample;
import io.kdbench.store.StoredAttention;
import org.jfree.chart.ui.Drawable;

import java.awt.Color;
import java.awt.Font;
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

    /** One case: its sample (image and ROI) and the stored map. */
    public record Panel(Sample sample, StoredAttention.Map2d map) {
    }

    private final List<Panel> panels;

    public AttentionOverlay(List<Panel> panels) {
        this.panels = List.copyOf(panels);
    }

    public int width() {
        return panels.size() * (PANEL + 10) + 10;
    }

    public int height() {
        return PANEL + CAPTION + 10;
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
                float a = 0.6f * heat[i];
                int r = Math.round(255 * ((1 - a) * grey[i] + a));
                int gr = Math.round(255 * (1 - a) * grey[i]);
                int b = gr;
                if (roi != null && roi.height() == h && roi.width() == w && onBoundary(roi, yy, xx)) {
                    r = 40;
                    gr = 230;
                    b = 60;
                }
                out.setRGB(xx, yy, (r << 16) | (gr << 8) | b);
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
