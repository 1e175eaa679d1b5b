package io.kdbench.methods.nn;

import io.kdbench.data.Image;

/**
 * Cuts 2-D images into non-overlapping square patches for {@link VisionTransformer}: token 0 is left zero
 * (the CLS slot), tokens 1..N are patches in row-major order, each flattened channel-first.
 */
public final class Patches {
    private Patches() {
    }

    public static int count(int height, int width, int patch) {
        check(height, width, patch);
        return (height / patch) * (width / patch);
    }

    public static int dim(int channels, int patch) {
        return channels * patch * patch;
    }

    /** Writes image {@code img}'s tokens into {@code out} at {@code offset}; returns the number of floats written. */
    public static int write(Image img, int patch, float[] out, int offset) {
        check(img.height(), img.width(), patch);
        int gw = img.width() / patch;
        int n = count(img.height(), img.width(), patch);
        int dim = dim(img.channels(), patch);
        int pos = offset + dim; // token 0 stays zero
        for (int t = 0; t < n; t++) {
            int py = (t / gw) * patch;
            int px = (t % gw) * patch;
            for (int c = 0; c < img.channels(); c++) {
                for (int y = 0; y < patch; y++) {
                    for (int x = 0; x < patch; x++) {
                        out[pos++] = img.get(c, 0, py + y, px + x);
                    }
                }
            }
        }
        return (n + 1) * dim;
    }

    private static void check(int height, int width, int patch) {
        if (patch < 1 || height % patch != 0 || width % patch != 0) {
            throw new IllegalArgumentException("image " + height + "x" + width + " is not divisible into "
                    + patch + "x" + patch + " patches; set the dataset size or the method's 'patch' to fit");
        }
    }
}
