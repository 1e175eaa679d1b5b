package io.kdbench.datasets.synthetic;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Modality;
import io.kdbench.api.Params;
import io.kdbench.api.Task;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Sample;
import io.kdbench.datasets.synthetic.draw.Blobs;
import io.kdbench.datasets.synthetic.draw.Ellipse;
import io.kdbench.datasets.synthetic.draw.Grid;
import io.kdbench.datasets.synthetic.draw.Noise;
import io.kdbench.datasets.synthetic.draw.Painter;
import io.kdbench.datasets.synthetic.draw.SmoothShape;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Mammogram analogue of CBIS-DDSM: a breast outline with fibroglandular texture (denser with the density
 * score) holding one lesion, a mass (outline irregularity from its shape and margin codes) or a
 * calcification cluster (dot count and spread from its morphology and distribution codes), drawn faint
 * (contrast from the subtlety score; size times {@code lesion_scale}, 1 = 3 to 5 px at 48 px, too small for
 * the outline to be read). The label (0 benign, 1 malignant) drives the metadata, which is
 * privileged tabular data in {@link #TABULAR_COLUMNS} order; the assessment score nearly gives the label away,
 * as BI-RADS does in CBIS-DDSM. Mask = the lesion region (ROI, 1).
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
    private static final double[][] CODE = {{0.40, 0.35, 0.17, 0.08}, {0.08, 0.15, 0.30, 0.47}};

    @Override
    public String id() {
        return "mammo-tabular";
    }

    @Override
    public String summary() {
        return "synthetic mammograms, benign vs malignant mass or calcification, privileged tabular metadata, lesion ROI";
    }

    @Override
    public Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("size", 48);
        d.put("n_train", 200);
        d.put("n_val", 40);
        d.put("n_test", 80);
        d.put("contrast", 1.0); // scales the lesion's visibility in the image
        d.put("lesion_scale", 1.0); // scales the lesion's size (radius, cluster spread, dot size) in pixels
        return d;
    }

    @Override
    public DatasetInfo info(Params p) {
        requireSizes(p);
        require(p.getDouble("lesion_scale") > 0 && p.getDouble("lesion_scale") <= 5,
                "lesion_scale must be in (0, 5], got " + p.getDouble("lesion_scale"));
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
        double cx = (0.12 + 0.38 * rng.nextDouble()) * s;
        double amp = p.getDouble("contrast") * (0.05 + 0.02 * subtlety);
        double scale = p.getDouble("lesion_scale");
        byte[] roi = new byte[s * s];
        if (calcification == 0) {
            double r = (0.06 + 0.04 * rng.nextDouble()) * s * scale;
            double roughness = 0.03 + 0.05 * (shape - 1) + 0.03 * (margin - 1);
            SmoothShape mass = SmoothShape.random(new Ellipse(cy, cx, r, r * (0.7 + 0.3 * rng.nextDouble()),
                    rng.nextDouble() * Math.PI), 6, roughness, margin >= 3 ? 0.6 : 1.5, rng);
            Painter.add(g, mass, amp, margin == 1 ? 0.1 : 0.3);
            Painter.label(roi, s, s, mass, 1);
        } else {
            int dots = 3 + 2 * shape + rng.nextInt(3);
            double spread = (0.035 + 0.012 * (5 - margin)) * s * scale;
            double[] pos = Blobs.cluster(g, cy, cx, spread, dots, (0.5 + 0.1 * (4 - shape)) * scale, 1.6 * amp, rng);
            double reach = 0;
            for (int i = 0; i < pos.length; i += 2) {
                reach = Math.max(reach, Math.hypot(pos[i] - cy, pos[i + 1] - cx));
            }
            Painter.label(roi, s, s, Ellipse.circle(cy, cx, reach + 1.5), 1);
        }
        Noise.gaussian(g, 0.03, rng);
        g.clamp(0, 1);
        double[] tabular = {age, density, assessment, calcification, shape, margin, subtlety};
        return new Sample(caseId(index), Map.of("image", g.toImage(null)), label, null, LabelMap.of2d(roi, s, s),
                null, tabular, null, true);
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
