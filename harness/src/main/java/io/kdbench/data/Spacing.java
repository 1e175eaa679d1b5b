package io.kdbench.data;

/** Voxel spacing as (z, y, x) in physical units; checked once here for every image and label map. */
public final class Spacing {
    public static final double[] UNIT = {1.0, 1.0, 1.0};

    private Spacing() {
    }

    static double[] check(double[] spacing) {
        if (spacing == null) {
            return UNIT.clone();
        }
        if (spacing.length != 3) {
            throw new IllegalArgumentException("spacing must have 3 values (z, y, x), got " + spacing.length);
        }
        for (double s : spacing) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("spacing values must be finite and > 0, got " + s);
            }
        }
        return spacing.clone();
    }
}
