package io.kdbench.io;

import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;

/**
 * 2-D images and label maps from PNG (8- or 16-bit) or JPEG files through {@link ImageIO}, and label maps from
 * any supported file (NIfTI or PNG) by extension.
 */
public final class ImageFiles {
    private ImageFiles() {
    }

    /**
     * Reads a picture as an image with one channel per band (gray 1, gray+alpha 2, RGB 3, RGBA 4), values as
     * stored (0..255 or 0..65535, not normalised), unit spacing.
     */
    public static Image readImage(Path path) throws IOException {
        Raster r = raster(path);
        int h = r.getHeight();
        int w = r.getWidth();
        int c = r.getNumBands();
        float[] data = new float[c * h * w];
        for (int b = 0; b < c; b++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    data[(b * h + y) * w + x] = r.getSample(x, y, b);
                }
            }
        }
        return Image.of2d(data, c, h, w);
    }

    /**
     * Reads a label map: NIfTI-1 ({@code .nii}, {@code .nii.gz}, spacing from the header) or a one-band PNG
     * (8- or 16-bit, unit spacing).
     *
     * @throws IllegalArgumentException if the file holds something other than integer labels 0..255 in one channel
     */
    public static LabelMap readLabelMap(Path path) throws IOException {
        String name = path.getFileName().toString().toLowerCase();
        if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
            return NiftiFile.read(path).toLabelMap();
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            throw new IllegalArgumentException("JPEG is lossy and cannot hold labels; use PNG or NIfTI");
        }
        if (!name.endsWith(".png")) {
            throw new IllegalArgumentException("unknown label map format; use .nii, .nii.gz or .png");
        }
        Raster r = raster(path);
        if (r.getNumBands() != 1) {
            throw new IllegalArgumentException("PNG has " + r.getNumBands() + " channels; labels need one (gray)");
        }
        int h = r.getHeight();
        int w = r.getWidth();
        byte[] labels = new byte[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = r.getSample(x, y, 0);
                if (v > LabelMap.MAX_LABEL) {
                    throw new IllegalArgumentException("pixel (x=" + x + ", y=" + y + ") is " + v
                            + "; labels must be 0.." + LabelMap.MAX_LABEL);
                }
                labels[y * w + x] = (byte) v;
            }
        }
        return LabelMap.of2d(labels, h, w);
    }

    private static Raster raster(Path path) throws IOException {
        BufferedImage img = ImageIO.read(path.toFile());
        if (img == null) {
            throw new IllegalArgumentException("not a PNG or JPEG image ImageIO can decode");
        }
        return img.getRaster();
    }
}
