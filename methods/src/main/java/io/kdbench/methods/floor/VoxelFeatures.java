package io.kdbench.methods.floor;

import io.kdbench.data.Image;
import io.kdbench.data.Sample;
import io.kdbench.methods.train.SegmentationTensors;

import java.util.List;

/**
 * The linear probe's segmentation features of one case: for a voxel, the intensities of its 3x3 (2-D) or
 * 3x3x3 (3-D) neighbourhood, clamped at the edges, in every channel of every test-time image (each image
 * standardised over the case, as the segmentation networks see it), then its normalised coordinates
 * (y, x; z, y, x in 3-D) as voxel centres in (0, 1), which let a linear model learn where structures lie.
 */
final class VoxelFeatures {
    private final List<Image> images;
    private final boolean threeD;
    private final int depth;
    private final int height;
    private final int width;
    private final int size;

    VoxelFeatures(Sample s, List<String> modalities, boolean threeD) {
        this.images = modalities.stream().map(m -> SegmentationTensors.standardise(s.image(m))).toList();
        this.threeD = threeD;
        Image first = images.get(0);
        depth = first.depth();
        height = first.height();
        width = first.width();
        int channels = 0;
        for (Image im : images) {
            if (im.depth() != depth || im.height() != height || im.width() != width) {
                throw new IllegalArgumentException("case " + s.id() + ": the test-time images differ in shape");
            }
            channels += im.channels();
        }
        size = channels * (threeD ? 27 : 9) + (threeD ? 3 : 2);
    }

    /** Features per voxel. */
    int size() {
        return size;
    }

    /** The image the features were read from: its geometry is that of the predicted mask. */
    Image geometry() {
        return images.get(0);
    }

    /** The features of voxel {@code i} (index = (z * height + y) * width + x). */
    double[] of(int i) {
        int x = i % width, y = (i / width) % height, z = i / (width * height);
        int reach = threeD ? 1 : 0;
        double[] f = new double[size];
        int at = 0;
        for (Image im : images) {
            for (int c = 0; c < im.channels(); c++) {
                for (int dz = -reach; dz <= reach; dz++) {
                    int zz = clamp(z + dz, depth);
                    for (int dy = -1; dy <= 1; dy++) {
                        int yy = clamp(y + dy, height);
                        for (int dx = -1; dx <= 1; dx++) {
                            f[at++] = im.get(c, zz, yy, clamp(x + dx, width));
                        }
                    }
                }
            }
        }
        if (threeD) {
            f[at++] = (z + 0.5) / depth;
        }
        f[at++] = (y + 0.5) / height;
        f[at] = (x + 0.5) / width;
        return f;
    }

    private static int clamp(int v, int n) {
        return Math.max(0, Math.min(n - 1, v));
    }
}
