package io.kdbench.datasets.synthetic;

import io.kdbench.datasets.synthetic.draw.Ellipse;

import java.util.SplittableRandom;

/**
 * One knee's geometry in normalised coordinates (each axis 0..1; z left-right = slice axis, y superior to
 * inferior, x anterior to posterior): femoral condyle with shaft, tibial plateau, patella, and the three
 * cartilage layers as thin shells on their joint-facing surfaces, separated by a fluid gap. Sampled at any
 * grid, so the high-resolution repository and the low-resolution clients show the same kind of anatomy.
 */
final class KneeAnatomy {
    static final int AIR = 0, SOFT = 1, BONE = 2, FEMORAL = 3, TIBIAL = 4, PATELLAR = 5, FLUID = 6;

    private final double fy, fx, fr, fxr;       // femoral condyle centre and radii
    private final double thickness;              // cartilage thickness
    private final double tibiaTop, tibiaX0, tibiaX1;
    private final double py, px, pry, prx;       // patella
    private final double shift;                  // positioning offset along y

    KneeAnatomy(SplittableRandom rng, double positionShift) {
        shift = positionShift;
        fy = 0.36 + 0.02 * rng.nextGaussian();
        fx = 0.56 + 0.02 * rng.nextGaussian();
        fr = 0.17 * (1 + 0.06 * rng.nextGaussian());
        fxr = 0.2 * (1 + 0.06 * rng.nextGaussian());
        thickness = 0.06 * (1 + 0.1 * rng.nextGaussian());
        tibiaTop = fy + fr + 2 * thickness + 0.04;
        tibiaX0 = 0.32 + 0.02 * rng.nextGaussian();
        tibiaX1 = 0.84 + 0.02 * rng.nextGaussian();
        py = fy - 0.08 + 0.02 * rng.nextGaussian();
        px = fx - fxr - thickness - 0.1 + 0.015 * rng.nextGaussian();
        pry = 0.1 * (1 + 0.08 * rng.nextGaussian());
        prx = 0.045 * (1 + 0.08 * rng.nextGaussian());
    }

    /** The tissue at normalised position (z, y, x). */
    int tissue(double z, double y, double x) {
        y -= shift;
        double dz = (z - 0.5) / 0.4;
        if (Math.abs(dz) > 1) {
            return inLeg(y, x) ? SOFT : AIR;
        }
        double taper = Math.sqrt(1 - 0.35 * dz * dz); // condyles narrow towards their ends
        Ellipse condyle = new Ellipse(fy, fx, fr * taper, fxr * taper, 0);
        double cl = condyle.level(y, x);
        boolean shaft = y < fy && Math.abs(x - fx) < 0.11 * taper;
        if (cl < 1 || shaft) {
            return BONE;
        }
        double shell = thickness / (fr * taper);
        if (cl < 1 + shell && y > fy - 0.25 * fr) {
            return FEMORAL;
        }
        boolean underPlateau = x > tibiaX0 && x < tibiaX1;
        if (underPlateau && y >= tibiaTop) {
            return BONE;
        }
        if (underPlateau && y >= tibiaTop - thickness && x > tibiaX0 + 0.03 && x < tibiaX1 - 0.03) {
            return TIBIAL;
        }
        if (Math.abs(dz) < 0.6) {
            Ellipse patella = new Ellipse(py, px, pry, prx, 0.15);
            double pl = patella.level(y, x);
            if (pl < 1) {
                return BONE;
            }
            if (pl < 1 + 1.4 * thickness / prx && x > px && Math.abs(y - py) < 0.8 * pry) {
                return PATELLAR;
            }
        }
        if (cl < 1 + shell + 0.1 && y > fy && y < tibiaTop && x > tibiaX0 && x < tibiaX1) {
            return FLUID;
        }
        return inLeg(y, x) ? SOFT : AIR;
    }

    /** Segmentation label: 0 background, 1 femoral, 2 tibial, 3 patellar cartilage. */
    static int label(int tissue) {
        return switch (tissue) {
            case FEMORAL -> 1;
            case TIBIAL -> 2;
            case PATELLAR -> 3;
            default -> 0;
        };
    }

    private static boolean inLeg(double y, double x) {
        return Math.abs(x - 0.52) < 0.46;
    }
}
