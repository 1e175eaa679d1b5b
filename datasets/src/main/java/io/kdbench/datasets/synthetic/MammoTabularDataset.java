package io.kdbench.datasets.synthetic;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Modality;
import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.api.Task;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Sample;
import io.kdbench.datasets.raster.Grid;
import io.kdbench.datasets.synthetic.draw.Blobs;
import io.kdbench.datasets.synthetic.draw.Ellipse;
import io.kdbench.datasets.synthetic.draw.Lines;
import io.kdbench.datasets.synthetic.draw.Noise;
import io.kdbench.datasets.synthetic.draw.Painter;
import io.kdbench.datasets.synthetic.draw.SmoothShape;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Mammogram analogue of CBIS-DDSM: a breast outline with fibroglandular texture (denser with the density
 * score) holding one lesion at a random place, drawn from its BI-RADS-style codes so that the codes show:
 * a mass (outline from its shape code: round, oval, lobulated, irregular; edge from its margin code:
 * sharp, obscured, ill-defined, spiculated with radiating lines) or a calcification cluster (dot form from
 * its morphology code, layout from its distribution code). The label (0 benign, 1 malignant) draws the
 * codes, the assessment and a denser lesion; the metadata is privileged tabular data in
 * {@link #TABULAR_COLUMNS} order, and the assessment score nearly gives the label away, as BI-RADS does in
 * CBIS-DDSM. Mask = the lesion region (ROI, 1).
 */
public final class MammoTabularDataset extends SyntheticDataset {
    /** Tabular columns: age in years; density 1-4; assessment (BI-RADS) 2-5; abnormality 0 mass / 1 calcification;
     *  shape 1-4 (mass: round, oval, lobulated, irregular; calcification morphology: punctate, amorphous,
     *  pleomorphic, fine-linear); margin 1-4 (mass: circumscribed, obscured, ill-defined, spiculated;
     *  calcification distribution: diffuse, regional, clustered, segmental); subtlety 1 (subtle) - 5 (obvious). */
    public static final List<String> TABULAR_COLUMNS =
            List.of("age", "density", "assessment", "abnormality", "shape", "margin", "subtlety");

    // P(assessment = 2, 3, 4, 5 | label)
    private static final double[][] ASSESSMENT = {{0.30, 0.35, 0.30, 0.05}, {0.0, 0.06, 0.44, 0.50}};
    // P(code = 1..4 | label) for shape and margin: benign leans to low codes, malignant to high
    private static final double[][] CODE = {{0.55, 0.30, 0.11, 0.04}, {0.04, 0.11, 0.30, 0.55}};
    // a malignant lesion is drawn this much denser (assumed: high mass density is a BI-RADS malignancy sign)
    private static final double MALIGNANT_DENSITY = 1.3;

    @Override
    public String id() {
        return "mammo-tabular";
    }

    @Override
    public String summary() {
        return "synthetic mammograms, benign vs malignant mass or calcification, privileged tabular metadata, lesion ROI";
    }

    @Override
    public ParamSpec parameters() {
        return sizes(48, 200, 40, 80).and(
                contrast("scales the lesion's visibility in the image"),
                Param.of("lesion_scale", 1.0, "scales the lesion's size; at 1 a mass is 16-24 % of the image wide")
                        .in(0.2, true, 2, true));
    }

    @Override
    public DatasetInfo info(Params p) {
        parameters().check(p);
        return new DatasetInfo(id(), Task.CLASSIFICATION, List.of("benign", "malignant"),
                List.of(new Modality("image", Modality.Kind.IMAGE, false),
                        new Modality("tabular", Modality.Kind.TABULAR, true)), false);
    }

    @Override
    protected Sample generate(int index, Params p, SplittableRandom rng) {
        int s = p.getInt("size");
        int label = index % 2;
        double age = Math.max(30, Math.min(90, 53 + 9 * label + 10 * rng.nextGaussian()));
        int density = 1 + rng.nextInt(4);
        int assessment = 2 + draw(ASSESSMENT[label], rng);
        int calcification = rng.nextDouble() < 0.45 ? 1 : 0;
        int shape = 1 + draw(CODE[label], rng);
        int margin = 1 + draw(CODE[label], rng);
        int subtlety = 1 + rng.nextInt(5);

        Grid g = Grid.of2d(s, s);
        SmoothShape breast = SmoothShape.random(new Ellipse(0.5 * s, -0.05 * s, 0.47 * s, 0.8 * s, 0), 3, 0.04, 2, rng);
        Painter.add(g, breast, 0.28 + 0.03 * density, 0.05);
        Grid texture = Noise.smoothField(g, 7, rng);
        Grid fine = Noise.smoothField(g, 14, rng);
        for (int i = 0; i < g.v.length; i++) {
            int y = i / s, x = i % s;
            double in = breast.softInside(y, x, 0.05);
            g.v[i] += (float) (in * ((0.04 + 0.025 * density) * texture.v[i] + 0.03 * fine.v[i]));
        }
        double cy = (0.3 + 0.4 * rng.nextDouble()) * s;
        double cx = (0.14 + 0.36 * rng.nextDouble()) * s;
        double amp = p.getDouble("contrast") * (0.08 + 0.025 * subtlety) * (label == 1 ? MALIGNANT_DENSITY : 1);
        double unit = s * p.getDouble("lesion_scale"); // lesion sizes are fractions of the image at lesion_scale 1
        byte[] roi = new byte[s * s];
        if (calcification == 0) {
            Painter.label(roi, s, s, drawMass(g, cy, cx, unit, shape, margin, amp, rng), 1);
        } else {
            double reach = drawCalcifications(g, cy, cx, unit, shape, margin, 1.8 * amp, rng);
            Painter.label(roi, s, s, Ellipse.circle(cy, cx, reach + 0.03 * unit), 1);
        }
        Noise.gaussian(g, 0.03, rng);
        g.clamp(0, 1);
        double[] tabular = {age, density, assessment, calcification, shape, margin, subtlety};
        return Sample.of(caseId(index), Map.of("image", g.toImage(null))).withLabel(label)
                .withMask(LabelMap.of2d(roi, s, s)).withTabular(tabular);
    }

    /** A mass whose outline follows the shape code and whose edge follows the margin code; returns its outline. */
    static SmoothShape drawMass(Grid g, double cy, double cx, double unit, int shape, int margin, double amp,
                                SplittableRandom rng) {
        double r = (0.08 + 0.04 * rng.nextDouble()) * unit;
        double aspect = shape == 1 ? 0.9 + 0.1 * rng.nextDouble() : 0.6 + 0.15 * rng.nextDouble();
        Ellipse base = new Ellipse(cy, cx, r, r * aspect, rng.nextDouble() * Math.PI);
        SmoothShape mass = switch (shape) {
            case 1, 2 -> SmoothShape.random(base, 3, 0.03, 2, rng);   // round, oval: smooth
            case 3 -> SmoothShape.random(base, 3, 0.28, 0.3, rng);    // lobulated: a few big lobes
            default -> SmoothShape.random(base, 7, 0.3, 0.2, rng);   // irregular: many uneven bumps
        };
        double edge = switch (margin) {
            case 1 -> 0.08; // circumscribed: sharp
            case 2 -> 0.25; // obscured
            case 3 -> 0.6;  // ill-defined: fades out
            default -> 0.25;
        };
        Painter.add(g, mass, amp, edge);
        if (margin == 4) { // spiculated: thin lines radiating out about 1-1.5 radii past the edge
            int spicules = 7 + rng.nextInt(5);
            double phase = rng.nextDouble() * 2 * Math.PI;
            for (int i = 0; i < spicules; i++) {
                double t = phase + 2 * Math.PI * (i + 0.4 * rng.nextDouble()) / spicules;
                double len = r * (2.0 + 0.6 * rng.nextDouble());
                Lines.segment(g, cy, cx, cy + len * Math.sin(t), cx + len * Math.cos(t), 0.012 * unit, 0.8 * amp, 0.2);
            }
        }
        return mass;
    }

    /**
     * Calcifications: dot form from the morphology code (punctate: few fine dots; amorphous: faint hazy;
     * pleomorphic: mixed sizes; fine-linear: short streaks), layout from the distribution code (diffuse,
     * regional, clustered, segmental: along a line). Returns the farthest dot's distance from the centre.
     */
    static double drawCalcifications(Grid g, double cy, double cx, double unit, int shape, int margin, double amp,
                                     SplittableRandom rng) {
        int dots = 4 + 3 * (shape - 1) + rng.nextInt(3);
        double spread = switch (margin) {
            case 1 -> 0.11;
            case 2 -> 0.08;
            case 3 -> 0.04;
            default -> 0.03;
        } * unit;
        double axis = rng.nextDouble() * Math.PI; // a segmental distribution runs along this direction
        double dot = 0.02 * unit;
        double reach = 0;
        for (int i = 0; i < dots; i++) {
            double along = margin == 4 ? 0.12 * unit * (2 * rng.nextDouble() - 1) : 0;
            double y = cy + along * Math.sin(axis) + spread * rng.nextGaussian();
            double x = cx + along * Math.cos(axis) + spread * rng.nextGaussian();
            reach = Math.max(reach, Math.hypot(y - cy, x - cx));
            double a = amp * (0.7 + 0.6 * rng.nextDouble());
            switch (shape) {
                case 1 -> Blobs.gaussian(g, y, x, dot, a);
                case 2 -> Blobs.gaussian(g, y, x, 1.8 * dot, 0.45 * a);
                case 3 -> Blobs.gaussian(g, y, x, dot * (0.6 + 1.0 * rng.nextDouble()), a);
                default -> {
                    double t = rng.nextDouble() * Math.PI, half = 2.5 * dot;
                    Lines.segment(g, y - half * Math.sin(t), x - half * Math.cos(t), y + half * Math.sin(t),
                            x + half * Math.cos(t), 0.8 * dot, a, 1);
                }
            }
        }
        return reach;
    }

    /** An index drawn from a discrete distribution. */
    static int draw(double[] probabilities, SplittableRandom rng) {
        double u = rng.nextDouble();
        for (int i = 0; i < probabilities.length - 1; i++) {
            u -= probabilities[i];
            if (u < 0) {
                return i;
            }
        }
        return probabilities.length - 1;
    }
}
