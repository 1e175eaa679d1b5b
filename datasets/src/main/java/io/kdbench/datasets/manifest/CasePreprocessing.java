package io.kdbench.datasets.manifest;

import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Resampling;
import io.kdbench.datasets.transform.IntensityNormalisation;

import java.util.Arrays;

/**
 * The {@code size} / {@code spacing} and {@code normalise} parameters applied to one case: images resampled
 * linearly, masks by nearest neighbour to the same shape, then each image normalised. Two target values mean
 * (height, width) or (y, x) with depth kept, three mean (depth, height, width) or (z, y, x).
 */
final class CasePreprocessing {
    private final int[] size;
    private final double[] spacing;
    private final IntensityNormalisation normalise;

    CasePreprocessing(int[] size, double[] spacing, IntensityNormalisation normalise) {
        this.size = size;
        this.spacing = spacing;
        this.normalise = normalise;
    }

    /** The (depth, height, width) this image is resampled to. */
    int[] targetShape(Image im) {
        int[] shape = {im.depth(), im.height(), im.width()};
        if (size.length > 0) {
            System.arraycopy(size, 0, shape, 3 - size.length, size.length);
        } else if (spacing.length > 0) {
            double[] target = im.spacing().clone();
            System.arraycopy(spacing, 0, target, 3 - spacing.length, spacing.length);
            shape = Resampling.shapeForSpacing(im.spacing(), im.depth(), im.height(), im.width(), target);
        }
        return shape;
    }

    Image image(Image im) {
        int[] shape = targetShape(im);
        Image resampled = Arrays.equals(shape, new int[] {im.depth(), im.height(), im.width()})
                ? im : Resampling.linearByAxes(im, shape[0], shape[1], shape[2]);
        return normalise.apply(resampled);
    }

    /** The mask resampled to the shape its (unprocessed) image is resampled to. */
    LabelMap mask(LabelMap mask, Image image) {
        int[] shape = targetShape(image);
        return Arrays.equals(shape, new int[] {mask.depth(), mask.height(), mask.width()})
                ? mask : Resampling.nearest(mask, shape[0], shape[1], shape[2]);
    }
}
