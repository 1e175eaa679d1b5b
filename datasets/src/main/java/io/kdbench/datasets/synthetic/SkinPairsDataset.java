package io.kdbench.datasets.synthetic;

import io.kdbench.api.AttributeTask;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Modality;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.api.Task;
import io.kdbench.data.Image;
import io.kdbench.data.Sample;
import io.kdbench.datasets.raster.Grid;
import io.kdbench.datasets.synthetic.draw.Blobs;
import io.kdbench.datasets.synthetic.draw.Ellipse;
import io.kdbench.datasets.synthetic.draw.Noise;
import io.kdbench.datasets.synthetic.draw.SmoothShape;
import io.kdbench.datasets.transform.Smoothing;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Paired skin-lesion analogue of Derm7pt. The diagnosis draws the seven-point attributes (each from a
 * per-diagnosis distribution), and the attributes draw the dermoscopy view: pigment network (grid),
 * blue-whitish veil, vessels (red lines), irregular pigmentation, streaks (radial lines), dots/globules,
 * regression (white patches) on a lesion whose outline is more irregular for melanoma. The clinical view
 * shows the same lesion smaller, blurred, at low resolution under a random colour cast, so it keeps little
 * beyond size, outline and mean colour. Both views are inputs at test; the dermoscopy is the informative
 * one. The attributes are privileged tabular data in {@link #ATTRIBUTES} order.
 */
public final class SkinPairsDataset extends SyntheticDataset {
    public static final List<String> DIAGNOSES = List.of("BCC", "NEV", "MEL", "MISC", "SK");
    /** pigment_network 0 absent / 1 typical / 2 atypical; blue_whitish_veil 0/1; vascular 0 absent / 1 regular /
     *  2 irregular; pigmentation, streaks, dots_globules 0 absent / 1 regular / 2 irregular; regression 0/1. */
    public static final List<String> ATTRIBUTES = List.of("pigment_network", "blue_whitish_veil",
            "vascular_structures", "pigmentation", "streaks", "dots_globules", "regression_structures");

    // P(attribute value | diagnosis): [diagnosis][attribute][value]
    private static final double[][][] ATTRIBUTE_GIVEN_DIAGNOSIS = {
            {{0.90, 0.07, 0.03}, {0.50, 0.50}, {0.10, 0.10, 0.80}, {0.70, 0.15, 0.15}, {0.92, 0.05, 0.03}, {0.40, 0.15, 0.45}, {0.65, 0.35}},
            {{0.10, 0.85, 0.05}, {0.95, 0.05}, {0.92, 0.06, 0.02}, {0.30, 0.65, 0.05}, {0.80, 0.17, 0.03}, {0.35, 0.60, 0.05}, {0.95, 0.05}},
            {{0.10, 0.15, 0.75}, {0.30, 0.70}, {0.60, 0.10, 0.30}, {0.10, 0.15, 0.75}, {0.35, 0.10, 0.55}, {0.20, 0.15, 0.65}, {0.40, 0.60}},
            {{0.85, 0.10, 0.05}, {0.92, 0.08}, {0.30, 0.60, 0.10}, {0.85, 0.10, 0.05}, {0.92, 0.05, 0.03}, {0.85, 0.10, 0.05}, {0.90, 0.10}},
            {{0.80, 0.15, 0.05}, {0.92, 0.08}, {0.45, 0.50, 0.05}, {0.25, 0.65, 0.10}, {0.95, 0.04, 0.01}, {0.20, 0.70, 0.10}, {0.80, 0.20}},
    };
    // base lesion colour per diagnosis (r, g, b) before variation; BCC pinkish, SK light brown, MEL dark
    private static final double[][] BASE_COLOUR = {
            {0.60, 0.44, 0.40}, {0.54, 0.38, 0.30}, {0.48, 0.33, 0.27}, {0.57, 0.42, 0.36}, {0.56, 0.42, 0.31}};

    @Override
    public String id() {
        return "skin-pairs";
    }

    @Override
    public String summary() {
        return "synthetic clinical + dermoscopy image pairs, 5 diagnoses, privileged 7-point attributes";
    }

    @Override
    public ParamSpec parameters() {
        return sizes(48, 200, 50, 100);
    }

    @Override
    public DatasetInfo info(Params p) {
        parameters().check(p);
        return new DatasetInfo(id(), Task.CLASSIFICATION, DIAGNOSES,
                List.of(new Modality("clinical", Modality.Kind.IMAGE, false),
                        new Modality("dermoscopy", Modality.Kind.IMAGE, false),
                        new Modality("tabular", Modality.Kind.TABULAR, true)), false, false, attributeTasks());
    }

    /** The seven-point criteria as attribute tasks: SSN's other 7 tasks, each the tabular column of its name. */
    static List<AttributeTask> attributeTasks() {
        return IntStream.range(0, ATTRIBUTES.size())
                .mapToObj(k -> new AttributeTask(ATTRIBUTES.get(k), k, ATTRIBUTE_GIVEN_DIAGNOSIS[0][k].length)).toList();
    }

    @Override
    protected Sample generate(int index, Params p, SplittableRandom rng) {
        int s = p.getInt("size");
        int diagnosis = index % DIAGNOSES.size();
        int[] a = new int[ATTRIBUTES.size()];
        for (int k = 0; k < a.length; k++) {
            a[k] = MammoTabularDataset.draw(ATTRIBUTE_GIVEN_DIAGNOSIS[diagnosis][k], rng);
        }
        double[] colour = new double[3];
        double darkness = 0.75 + 0.5 * rng.nextDouble();
        for (int c = 0; c < 3; c++) {
            colour[c] = Math.min(0.9, BASE_COLOUR[diagnosis][c] * darkness + 0.05 * rng.nextGaussian());
        }
        double[] skin = {0.86 + 0.05 * rng.nextGaussian(), 0.66 + 0.05 * rng.nextGaussian(), 0.56 + 0.05 * rng.nextGaussian()};
        double roughness = diagnosis == 2 ? 0.14 : 0.06;
        SmoothShape outline = SmoothShape.random(new Ellipse(0.5, 0.5, 1, 0.8 + 0.2 * rng.nextDouble(),
                rng.nextDouble() * Math.PI), 5, roughness, 1.2, rng);
        Image dermoscopy = dermoscopy(s, outline, colour, skin, a, rng);
        Image clinical = clinical(s, outline, colour, skin, a, rng);
        double[] tabular = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            tabular[k] = a[k];
        }
        return Sample.of(caseId(index), Map.of("clinical", clinical, "dermoscopy", dermoscopy)).withLabel(diagnosis)
                .withTabular(tabular);
    }

    /** The outline placed at (cy, cx) with radius r in pixels. */
    private static SmoothShape place(SmoothShape unit, double cy, double cx, double r) {
        Ellipse b = unit.base();
        return unit.withBase(new Ellipse(cy, cx, b.ry() * r, b.rx() * r, b.angle()));
    }

    private static Image dermoscopy(int s, SmoothShape unit, double[] colour, double[] skin, int[] a, SplittableRandom rng) {
        double r = (0.3 + 0.06 * rng.nextDouble()) * s;
        double cy = s / 2.0 + 0.03 * s * rng.nextGaussian(), cx = s / 2.0 + 0.03 * s * rng.nextGaussian();
        SmoothShape lesion = place(unit, cy, cx, r);
        Grid[] rgb = {Grid.of2d(s, s), Grid.of2d(s, s), Grid.of2d(s, s)};
        Grid uneven = Noise.smoothField(1, s, s, 5, rng);
        double period = 3 + rng.nextDouble();
        Grid vessels = Grid.of2d(s, s), dots = Grid.of2d(s, s);
        if (a[2] > 0) { // vessels: short dotted (regular) or long branching (irregular) red lines
            int lines = a[2] == 1 ? 8 : 4;
            for (int l = 0; l < lines; l++) {
                double y = cy + 0.6 * r * rng.nextGaussian() * 0.6, x = cx + 0.6 * r * rng.nextGaussian() * 0.6;
                double dir = rng.nextDouble() * 2 * Math.PI;
                int steps = a[2] == 1 ? 3 : 14;
                for (int t = 0; t < steps; t++) {
                    Blobs.gaussian(vessels, y, x, 0.6, 0.6);
                    dir += a[2] == 1 ? 0 : 0.5 * rng.nextGaussian();
                    y += Math.sin(dir);
                    x += Math.cos(dir);
                }
            }
        }
        if (a[5] > 0) { // dots and globules: central and even (regular) or scattered to the rim (irregular)
            Blobs.cluster(dots, cy, cx, (a[5] == 1 ? 0.3 : 0.65) * r, a[5] == 1 ? 8 : 12, 0.7, 0.7, rng);
        }
        double streakPhase = rng.nextDouble() * 2 * Math.PI;
        double veilAngle = rng.nextDouble() * 2 * Math.PI;
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                int i = y * s + x;
                double in = lesion.softInside(y, x, 0.08);
                double level = lesion.level(y, x);
                double angle = Math.atan2(y - cy, x - cx);
                double dark = 0;
                if (a[3] == 2) {
                    dark += 0.18 * uneven.v[i];
                } else if (a[3] == 1) {
                    dark += 0.05 * uneven.v[i];
                }
                if (a[0] > 0) { // pigment network: a grid of darker lines, broken and coarse when atypical
                    double gy = Math.cos(2 * Math.PI * y / (a[0] == 1 ? period : period * 1.5));
                    double gx = Math.cos(2 * Math.PI * x / (a[0] == 1 ? period : period * 1.5));
                    double net = Math.max(gy, gx);
                    dark += (a[0] == 1 ? 0.1 : 0.16 * (1 + uneven.v[i])) * Math.max(0, net);
                }
                if (a[4] > 0 && level > 0.7 && level < 1.25) { // streaks: radial lines at the rim
                    boolean sector = a[4] == 1 || Math.cos(angle - streakPhase) > 0.3;
                    if (sector) {
                        double line = Math.max(0, Math.cos(9 * angle + streakPhase));
                        dark += 0.25 * line * line * Math.exp(-4 * Math.pow(level - 1, 2));
                        in = Math.max(in, 0.6 * line * line * (level < 1.15 ? 1 : 0));
                    }
                }
                double veil = a[1] == 1 ? Math.max(0, Math.cos(angle - veilAngle)) * (level < 0.8 ? 1 : 0) * 0.6 : 0;
                double regression = a[6] == 1 && uneven.v[i] > 0.6 ? 0.5 : 0;
                double[] px = new double[3];
                for (int c = 0; c < 3; c++) {
                    double lesionValue = colour[c] * (1 - dark) - 0.3 * dots.v[i];
                    lesionValue = lesionValue * (1 - veil) + veil * (c == 2 ? 0.78 : c == 1 ? 0.62 : 0.58);
                    lesionValue = lesionValue * (1 - regression) + regression * 0.9;
                    px[c] = skin[c] * (1 - in) + in * lesionValue;
                }
                px[0] += 0.25 * vessels.v[i];
                px[1] -= 0.18 * vessels.v[i];
                px[2] -= 0.14 * vessels.v[i];
                for (int c = 0; c < 3; c++) {
                    rgb[c].v[i] = (float) px[c];
                }
            }
        }
        for (Grid g : rgb) {
            Noise.gaussian(g, 0.025, rng);
            g.clamp(0, 1);
        }
        return Grid.stack(null, rgb);
    }

    private static Image clinical(int s, SmoothShape unit, double[] colour, double[] skin, int[] a, SplittableRandom rng) {
        int low = Math.max(8, s / 3);
        double r = (0.13 + 0.04 * rng.nextDouble()) * low;
        double cy = low * (0.5 + 0.1 * rng.nextGaussian()), cx = low * (0.5 + 0.1 * rng.nextGaussian());
        SmoothShape lesion = place(unit, cy, cx, r);
        double[] cast = {1 + 0.06 * rng.nextGaussian(), 1 + 0.06 * rng.nextGaussian(), 1 + 0.06 * rng.nextGaussian()};
        double light = 0.15 * rng.nextGaussian();
        double veilTint = a[1] == 1 ? 0.05 : 0;
        Grid[] rgb = new Grid[3];
        for (int c = 0; c < 3; c++) {
            Grid g = Grid.of2d(low, low);
            for (int y = 0; y < low; y++) {
                for (int x = 0; x < low; x++) {
                    double in = lesion.softInside(y, x, 0.2);
                    double value = skin[c] * (1 - in) + in * (colour[c] + (c == 2 ? veilTint : 0));
                    g.v[y * low + x] = (float) (value * cast[c] * (1 + light * (x - low / 2.0) / low));
                }
            }
            Smoothing.gaussian2d(g, 0.7);
            g = g.resampled(1, s, s);
            Noise.gaussian(g, 0.03, rng);
            rgb[c] = g.clamp(0, 1);
        }
        return Grid.stack(null, rgb);
    }
}
