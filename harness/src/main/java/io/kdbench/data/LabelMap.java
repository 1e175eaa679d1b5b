package io.kdbench.data;

import java.util.Arrays;

/**
 * An integer label map (2-D or 3-D): 0 is background, 1..255 are classes, stored as unsigned bytes
 * (read with {@code labels[i] & 0xFF}) so a 256^3 volume takes 16 MiB. Index = (z * height + y) * width + x.
 * Spacing is (z, y, x) in physical units.
 */
public record LabelMap(byte[] labels, int depth, int height, int width, double[] spacing) {

    public static final int MAX_LABEL = 255;

    public LabelMap {
        if (depth < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("label map dimensions must be positive, got d=" + depth
                    + " h=" + height + " w=" + width);
        }
        long n = (long) depth * height * width;
        if (labels.length != n) {
            throw new IllegalArgumentException("label map has " + labels.length + " voxels, shape needs " + n);
        }
        spacing = Spacing.check(spacing);
    }

    public static LabelMap of2d(byte[] labels, int height, int width) {
        return new LabelMap(labels, 1, height, width, Spacing.UNIT);
    }

    public int size() {
        return labels.length;
    }

    public int label(int i) {
        return labels[i] & 0xFF;
    }

    public int label(int z, int y, int x) {
        return labels[(z * height + y) * width + x] & 0xFF;
    }

    public boolean is3d() {
        return depth > 1;
    }

    public boolean sameShape(LabelMap other) {
        return depth == other.depth && height == other.height && width == other.width;
    }

    public String shapeString() {
        return depth == 1 ? height + "x" + width : depth + "x" + height + "x" + width;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelMap m && depth == m.depth && height == m.height && width == m.width
                && Arrays.equals(labels, m.labels) && Arrays.equals(spacing, m.spacing);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "LabelMap[" + shapeString() + "]";
    }
}
