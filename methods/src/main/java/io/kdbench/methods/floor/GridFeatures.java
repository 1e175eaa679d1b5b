package io.kdbench.methods.floor;

import io.kdbench.data.Image;
import io.kdbench.data.Sample;

import java.util.Arrays;
import java.util.List;

/**
 * The linear probe's classification features: each test-time image area-averaged down to a grid x grid
 * thumbnail per channel (a volume also averaged over depth), the thumbnails of every modality concatenated.
 * Area averaging weighs each pixel by the share of the cell it covers, so any image size maps onto the grid.
 * A modality that a test case lacks (rgbd-incomplete below missing_rate 1) gives NaN features, which the
 * {@link Standardiser} maps to the training mean: the probe imputes the mean, as the imputation baseline does.
 */
final class GridFeatures {
    private GridFeatures() {
    }

    /** {@code channels[m]}: modality m's channel count, which sizes its NaN part when the sample lacks it. */
    static double[] of(Sample s, List<String> modalities, int[] channels, int grid) {
        double[][] parts = new double[modalities.size()][];
        int n = 0;
        for (int m = 0; m < parts.length; m++) {
            if (s.images().containsKey(modalities.get(m))) {
                parts[m] = average(s.image(modalities.get(m)), grid);
            } else {
                parts[m] = new double[channels[m] * grid * grid];
                Arrays.fill(parts[m], Double.NaN);
            }
            n += parts[m].length;
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** The image's grid x grid area averages, channel-first: index = (c * grid + gy) * grid + gx. */
    static double[] average(Image im, int grid) {
        double[][] wy = weights(im.height(), grid);
        double[][] wx = weights(im.width(), grid);
        double[] out = new double[im.channels() * grid * grid];
        double[] row = new double[grid];
        for (int c = 0; c < im.channels(); c++) {
            for (int z = 0; z < im.depth(); z++) {
                for (int y = 0; y < im.height(); y++) {
                    for (int gx = 0; gx < grid; gx++) {
                        double sum = 0;
                        for (int x = 0; x < im.width(); x++) {
                            sum += wx[gx][x] * im.get(c, z, y, x);
                        }
                        row[gx] = sum;
                    }
                    for (int gy = 0; gy < grid; gy++) {
                        for (int gx = 0; gx < grid; gx++) {
                            out[(c * grid + gy) * grid + gx] += wy[gy][y] * row[gx] / im.depth();
                        }
                    }
                }
            }
        }
        return out;
    }

    /** w[i][p]: the share of cell i's extent [i n / g, (i + 1) n / g) that pixel p covers; each row sums to 1. */
    static double[][] weights(int n, int grid) {
        double cell = (double) n / grid;
        double[][] w = new double[grid][n];
        for (int i = 0; i < grid; i++) {
            double lo = (double) i * n / grid, hi = (double) (i + 1) * n / grid;
            for (int p = (int) Math.floor(lo); p < Math.min(n, Math.ceil(hi)); p++) {
                w[i][p] = (Math.min(hi, p + 1) - Math.max(lo, p)) / cell;
            }
        }
        return w;
    }
}
