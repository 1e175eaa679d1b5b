package io.kdbench.datasets.synthetic.draw;


import io.kdbench.datasets.raster.Grid;

/** Fills shapes into grids (soft-edged, for images) and into label arrays (hard, for masks). */
public final class Painter {
    private Painter() {
    }

    /** Adds {@code amplitude} times the shape's soft inside-ness to one slice of a grid. */
    public static void add(Grid g, int z, Shape2d shape, double amplitude, double edge) {
        for (int y = 0; y < g.height; y++) {
            for (int x = 0; x < g.width; x++) {
                double in = shape.softInside(y, x, edge);
                if (in > 1e-4) {
                    g.v[g.index(z, y, x)] += (float) (amplitude * in);
                }
            }
        }
    }

    public static void add(Grid g, Shape2d shape, double amplitude, double edge) {
        add(g, 0, shape, amplitude, edge);
    }

    /** Blends the grid towards {@code value} inside the shape (an opaque soft fill, for occluding layers). */
    public static void blend(Grid g, int z, Shape2d shape, double value, double edge) {
        for (int y = 0; y < g.height; y++) {
            for (int x = 0; x < g.width; x++) {
                double in = shape.softInside(y, x, edge);
                if (in > 1e-4) {
                    int i = g.index(z, y, x);
                    g.v[i] = (float) (g.v[i] * (1 - in) + value * in);
                }
            }
        }
    }

    public static void blend(Grid g, Shape2d shape, double value, double edge) {
        blend(g, 0, shape, value, edge);
    }

    /** Adds a band just inside the boundary (level in [1 - thickness, 1]), e.g. a skull rim or a capsule. */
    public static void addRim(Grid g, Shape2d shape, double amplitude, double thickness) {
        for (int y = 0; y < g.height; y++) {
            for (int x = 0; x < g.width; x++) {
                double d = Math.abs(shape.level(y, x) - (1 - thickness / 2)) / (thickness / 2);
                if (d < 2) {
                    g.v[g.index(0, y, x)] += (float) (amplitude * Math.exp(-d * d));
                }
            }
        }
    }

    /** Writes {@code label} into a (height x width) slice of a label array wherever the pixel centre is inside. */
    public static int label(byte[] labels, int z, int height, int width, Shape2d shape, int label) {
        int count = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (shape.contains(y, x)) {
                    labels[(z * height + y) * width + x] = (byte) label;
                    count++;
                }
            }
        }
        return count;
    }

    public static int label(byte[] labels, int height, int width, Shape2d shape, int label) {
        return label(labels, 0, height, width, shape, label);
    }
}
