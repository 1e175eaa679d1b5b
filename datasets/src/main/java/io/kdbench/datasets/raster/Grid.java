package io.kdbench.datasets.raster;

import io.kdbench.data.Image;
import io.kdbench.data.Resampling;

import java.util.Arrays;

/**
 * A mutable single-channel float raster (2-D when depth is 1) that generators paint into before it
 * becomes an immutable {@link Image}. Index = (z * height + y) * width + x, as in {@link Image}.
 */
public final class Grid {
    public final float[] v;
    public final int depth;
    public final int height;
    public final int width;

    public Grid(int depth, int height, int width) {
        this.depth = depth;
        this.height = height;
        this.width = width;
        this.v = new float[depth * height * width];
    }

    public static Grid of2d(int height, int width) {
        return new Grid(1, height, width);
    }

    public Grid(Grid other) {
        this(other.depth, other.height, other.width);
        System.arraycopy(other.v, 0, v, 0, v.length);
    }

    /** This raster resized linearly to (depth, height, width), by {@link Resampling#linearByAxes}. */
    public Grid resampled(int depth, int height, int width) {
        Grid out = new Grid(depth, height, width);
        float[] data = Resampling.linearByAxes(v, this.depth, this.height, this.width, depth, height, width);
        System.arraycopy(data, 0, out.v, 0, data.length);
        return out;
    }

    public int index(int z, int y, int x) {
        return (z * height + y) * width + x;
    }

    public float get(int y, int x) {
        return v[y * width + x];
    }

    public void add(int y, int x, double value) {
        v[y * width + x] += (float) value;
    }

    public void fill(double value) {
        Arrays.fill(v, (float) value);
    }

    public int size() {
        return v.length;
    }

    public Grid clamp(double lo, double hi) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.max(lo, Math.min(hi, v[i]));
        }
        return this;
    }

    public Image toImage(double[] spacing) {
        return new Image(v.clone(), 1, depth, height, width, spacing);
    }

    /** Stacks same-shaped grids as the channels of one image. */
    public static Image stack(double[] spacing, Grid... channels) {
        Grid first = channels[0];
        float[] data = new float[first.v.length * channels.length];
        for (int c = 0; c < channels.length; c++) {
            if (channels[c].v.length != first.v.length) {
                throw new IllegalArgumentException("channel " + c + " has a different shape");
            }
            System.arraycopy(channels[c].v, 0, data, c * first.v.length, first.v.length);
        }
        return new Image(data, channels.length, first.depth, first.height, first.width, spacing);
    }
}
