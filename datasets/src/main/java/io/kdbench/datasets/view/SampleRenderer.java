package io.kdbench.datasets.view;

import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;

import java.awt.image.BufferedImage;

/**
 * Turns images and label maps into viewable pictures: 1 channel as grey (scaled to its own min..max),
 * 3 channels as RGB (clipped to 0..1), a mask as a coloured overlay, 3-D as one slice along an axis,
 * enlarged by an integer factor with nearest neighbour so tiny images stay crisp.
 */
public final class SampleRenderer {
    /** Overlay colours for labels 1, 2, 3, ... (cycled). */
    private static final int[] COLOURS = {0xE6194B, 0x3CB44B, 0x4363D8, 0xF58231, 0x911EB4, 0x46F0F0, 0xF032E6};

    /** Axis of a slice: z (axial in the image's own frame), y or x. */
    public enum Axis { Z, Y, X }

    private SampleRenderer() {
    }

    /** The middle slice of {@code image} across {@code axis} with the optional mask over it. */
    public static BufferedImage render(Image image, LabelMap mask, Axis axis, int scale) {
        int[] dims = sliceDims(image.depth(), image.height(), image.width(), axis);
        int h = dims[0], w = dims[1];
        int middle = switch (axis) {
            case Z -> image.depth() / 2;
            case Y -> image.height() / 2;
            case X -> image.width() / 2;
        };
        boolean rgb = image.channels() == 3;
        double[] range = rgb ? new double[] {0, 1} : range(image);
        BufferedImage out = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int[] zyx = voxel(axis, middle, r, c);
                int rgbValue;
                if (rgb) {
                    rgbValue = (byteOf(image.get(0, zyx[0], zyx[1], zyx[2]), range) << 16)
                            | (byteOf(image.get(1, zyx[0], zyx[1], zyx[2]), range) << 8)
                            | byteOf(image.get(2, zyx[0], zyx[1], zyx[2]), range);
                } else {
                    int g = byteOf(image.get(0, zyx[0], zyx[1], zyx[2]), range);
                    rgbValue = (g << 16) | (g << 8) | g;
                }
                if (mask != null) {
                    int label = mask.label(zyx[0], zyx[1], zyx[2]);
                    if (label > 0) {
                        rgbValue = mix(rgbValue, COLOURS[(label - 1) % COLOURS.length], 0.45);
                    }
                }
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        out.setRGB(c * scale + dx, r * scale + dy, rgbValue);
                    }
                }
            }
        }
        return out;
    }

    /** Scale factor that makes the longer side at least {@code minSide} pixels. */
    public static int scaleFor(Image image, int minSide) {
        int side = Math.max(image.height(), Math.max(image.width(), image.depth()));
        return Math.max(1, (minSide + side - 1) / side);
    }

    private static int[] sliceDims(int d, int h, int w, Axis axis) {
        return switch (axis) {
            case Z -> new int[] {h, w};
            case Y -> new int[] {d, w};
            case X -> new int[] {d, h};
        };
    }

    private static int[] voxel(Axis axis, int middle, int r, int c) {
        return switch (axis) {
            case Z -> new int[] {middle, r, c};
            case Y -> new int[] {r, middle, c};
            case X -> new int[] {r, c, middle};
        };
    }

    private static double[] range(Image image) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        int n = image.voxels();
        for (int i = 0; i < n; i++) {
            float v = image.data()[i];
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return hi > lo ? new double[] {lo, hi} : new double[] {lo, lo + 1};
    }

    private static int byteOf(float v, double[] range) {
        double t = (v - range[0]) / (range[1] - range[0]);
        return (int) Math.round(255 * Math.max(0, Math.min(1, Float.isFinite(v) ? t : 0)));
    }

    private static int mix(int a, int b, double t) {
        int r = (int) (((a >> 16) & 255) * (1 - t) + ((b >> 16) & 255) * t);
        int g = (int) (((a >> 8) & 255) * (1 - t) + ((b >> 8) & 255) * t);
        int bl = (int) ((a & 255) * (1 - t) + (b & 255) * t);
        return (r << 16) | (g << 8) | bl;
    }
}
