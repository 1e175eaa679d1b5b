package io.kdbench.datasets.synthetic.draw;


import io.kdbench.datasets.raster.Grid;

/** Thin bright line segments (spicules, linear calcifications), drawn with a gaussian cross-section. */
public final class Lines {
    private Lines() {
    }

    /** Adds a segment from (y0, x0) to (y1, x1) of cross-section sigma, fading linearly to {@code endFade} of its amplitude at the far end. */
    public static void segment(Grid g, double y0, double x0, double y1, double x1, double sigma, double amplitude, double endFade) {
        double dy = y1 - y0, dx = x1 - x0, len2 = Math.max(dy * dy + dx * dx, 1e-9);
        int pad = (int) Math.ceil(3 * sigma) + 1;
        int ylo = Math.max(0, (int) Math.floor(Math.min(y0, y1)) - pad), yhi = Math.min(g.height - 1, (int) Math.ceil(Math.max(y0, y1)) + pad);
        int xlo = Math.max(0, (int) Math.floor(Math.min(x0, x1)) - pad), xhi = Math.min(g.width - 1, (int) Math.ceil(Math.max(x0, x1)) + pad);
        for (int y = ylo; y <= yhi; y++) {
            for (int x = xlo; x <= xhi; x++) {
                double t = Math.max(0, Math.min(1, ((y - y0) * dy + (x - x0) * dx) / len2));
                double ey = y - (y0 + t * dy), ex = x - (x0 + t * dx);
                double fade = 1 - (1 - endFade) * t;
                g.add(y, x, amplitude * fade * Math.exp(-(ey * ey + ex * ex) / (2 * sigma * sigma)));
            }
        }
    }
}
