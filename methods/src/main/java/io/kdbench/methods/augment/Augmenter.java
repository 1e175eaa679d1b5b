package io.kdbench.methods.augment;

import io.kdbench.data.Image;

import java.util.SplittableRandom;

/**
 * Weak and strong views for semi-supervised segmentation, drawn from a seeded generator. Weak = geometry
 * (left-right flip, small in-plane translation, an affine of integer shifts so labels stay exact); strong =
 * the weak view plus photometric changes (contrast, brightness) and Gaussian noise. Strong views keep the weak
 * view's geometry, so a teacher's pseudo-label on the weak view lines up voxel for voxel with the student's
 * strong view (the UniMatch / FixMatch convention).
 */
public final class Augmenter {
    private final int maxShift;
    private final double contrast;
    private final double brightness;
    private final double noise;

    /**
     * @param maxShift   largest translation in pixels along y and x
     * @param contrast   strong views scale intensities by a factor in [1 - contrast, 1 + contrast]
     * @param brightness strong views add an offset in [-brightness, brightness]
     * @param noise      standard deviation of the Gaussian noise of strong views
     */
    public Augmenter(int maxShift, double contrast, double brightness, double noise) {
        this.maxShift = maxShift;
        this.contrast = contrast;
        this.brightness = brightness;
        this.noise = noise;
    }

    /** The default used by kdbench's semi-supervised rows (images are z-scored first). */
    public static Augmenter standard() {
        return new Augmenter(2, 0.25, 0.2, 0.1);
    }

    /** A geometric transform: flip x, then shift by (dy, dx) with edge clamping. */
    public record Geometry(boolean flipX, int dy, int dx) {
        public static final Geometry IDENTITY = new Geometry(false, 0, 0);

        int source(int coordinate, int shift, int size, boolean flip) {
            int c = Math.min(size - 1, Math.max(0, coordinate - shift));
            return flip ? size - 1 - c : c;
        }
    }

    public Geometry drawGeometry(SplittableRandom rng) {
        return new Geometry(rng.nextBoolean(), rng.nextInt(2 * maxShift + 1) - maxShift,
                rng.nextInt(2 * maxShift + 1) - maxShift);
    }

    /** Applies a geometry to an image (every channel and slice alike). */
    public static Image apply(Geometry g, Image im) {
        float[] out = new float[im.data().length];
        int d = im.depth(), h = im.height(), w = im.width();
        for (int c = 0; c < im.channels(); c++) {
            for (int z = 0; z < d; z++) {
                int base = (c * d + z) * h;
                for (int y = 0; y < h; y++) {
                    int sy = g.source(y, g.dy(), h, false);
                    for (int x = 0; x < w; x++) {
                        out[(base + y) * w + x] = im.data()[(base + sy) * w + g.source(x, g.dx(), w, g.flipX())];
                    }
                }
            }
        }
        return new Image(out, im.channels(), d, h, w, im.spacing());
    }

    /** Applies a geometry to a label map stored as bytes with the image's depth, height and width. */
    public static byte[] apply(Geometry g, byte[] labels, int d, int h, int w) {
        byte[] out = new byte[labels.length];
        for (int z = 0; z < d; z++) {
            for (int y = 0; y < h; y++) {
                int sy = g.source(y, g.dy(), h, false);
                for (int x = 0; x < w; x++) {
                    out[(z * h + y) * w + x] = labels[(z * h + sy) * w + g.source(x, g.dx(), w, g.flipX())];
                }
            }
        }
        return out;
    }

    /** Photometric part of a strong view: contrast, brightness, Gaussian noise. */
    public Image photometric(Image im, SplittableRandom rng) {
        double scale = 1 + contrast * (2 * rng.nextDouble() - 1);
        double shift = brightness * (2 * rng.nextDouble() - 1);
        float[] out = new float[im.data().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (im.data()[i] * scale + shift + noise * gaussian(rng));
        }
        return new Image(out, im.channels(), im.depth(), im.height(), im.width(), im.spacing());
    }

    /** Additive Gaussian noise clipped at +-clip (the knee code's teacher input noise: std 0.1, clip 0.2). */
    public static Image clippedNoise(Image im, double std, double clip, SplittableRandom rng) {
        float[] out = new float[im.data().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (im.data()[i] + Math.max(-clip, Math.min(clip, std * gaussian(rng))));
        }
        return new Image(out, im.channels(), im.depth(), im.height(), im.width(), im.spacing());
    }

    static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble(), u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(Math.max(u1, 1e-300))) * Math.cos(2 * Math.PI * u2);
    }
}
