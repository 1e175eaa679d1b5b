package io.kdbench.data;

import java.util.Arrays;

/**
 * A dense float image or volume, channel-first: index = ((c * depth + z) * height + y) * width + x.
 * 2-D images have depth 1. Spacing is physical size per voxel as (z, y, x).
 */
public record Image(float[] data, int channels, int depth, int height, int width, double[] spacing) {

    public Image {
        if (channels < 1 || depth < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("image dimensions must be positive, got c=" + channels
                    + " d=" + depth + " h=" + height + " w=" + width);
        }
        long n = (long) channels * depth * height * width;
        if (data.length != n) {
            throw new IllegalArgumentException("image data has " + data.length + " values, shape needs " + n);
        }
        spacing = Spacing.check(spacing);
    }

    public static Image of2d(float[] data, int channels, int height, int width) {
        return new Image(data, channels, 1, height, width, Spacing.UNIT);
    }

    public boolean is3d() {
        return depth > 1;
    }

    public int voxels() {
        return depth * height * width;
    }

    public float get(int c, int z, int y, int x) {
        return data[((c * depth + z) * height + y) * width + x];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image i && channels == i.channels && depth == i.depth && height == i.height
                && width == i.width && Arrays.equals(data, i.data) && Arrays.equals(spacing, i.spacing);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + Arrays.hashCode(new int[] {channels, depth, height, width});
    }

    @Override
    public String toString() {
        return "Image[" + channels + "x" + depth + "x" + height + "x" + width + "]";
    }
}
