package io.kdbench.datasets.synthetic;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Modality;
import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.api.Task;
import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Sample;
import io.kdbench.datasets.raster.Grid;
import io.kdbench.datasets.synthetic.draw.Ellipse;
import io.kdbench.datasets.synthetic.draw.Noise;
import io.kdbench.datasets.synthetic.draw.Painter;
import io.kdbench.datasets.synthetic.draw.Shape2d;
import io.kdbench.datasets.synthetic.draw.SmoothShape;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Chest-radiograph analogue of MIMIC-CXR with MS-CXR-style regions: lung fields as smooth dark shapes in a
 * body outline with heart and rib texture; four findings, each with a latent size and visibility
 * ({@link CxrFinding}) that set both how it is drawn and how the report describes it. Opacity (mottled
 * patch) and nodule (small sharp disc) sit anywhere in a lung, so only a model that reads local shape and
 * texture finds them; effusion (brighter lung base up to a height from its size) and cardiomegaly (a
 * wider heart) sit where anatomy puts them. Mask = union of the present findings' regions (ROI, 1).
 */
public final class CxrReportDataset extends SyntheticDataset {
    public static final List<String> FINDINGS = List.of("opacity", "effusion", "nodule", "cardiomegaly");

    @Override
    public String id() {
        return "cxr-report";
    }

    @Override
    public String summary() {
        return "synthetic chest radiographs, 4 findings (multi-label), privileged report text, finding ROI masks";
    }

    @Override
    public ParamSpec parameters() {
        return sizes(48, 200, 40, 80).and(
                Param.of("prevalence", 0.35, "probability that a case has each finding").in(0, false, 1, false),
                contrast("scales the findings' visibility in the image"),
                Param.of("omit_below", 0.1, "drawn visibility below which the report leaves a present finding out"
                        + " (<= hedge_below)").fraction(),
                Param.of("hedge_below", 0.35, "drawn visibility below which the report hedges (\"possible ...\")")
                        .fraction(),
                Param.of("report_noise", 0.1, "probability scale of image-independent report errors (false mentions,"
                        + " typos)").fraction());
    }

    @Override
    public DatasetInfo info(Params p) {
        parameters().check(p);
        require(p.getDouble("omit_below") <= p.getDouble("hedge_below"), "omit_below must be <= hedge_below, got "
                + p.getDouble("omit_below") + " > " + p.getDouble("hedge_below"));
        return new DatasetInfo(id(), Task.MULTILABEL_CLASSIFICATION, FINDINGS,
                List.of(new Modality("image", Modality.Kind.IMAGE, false),
                        new Modality("text", Modality.Kind.TEXT, true)), false);
    }

    @Override
    protected Sample generate(int index, Params p, SplittableRandom rng) {
        int s = p.getInt("size");
        double contrast = p.getDouble("contrast");
        boolean[] present = new boolean[FINDINGS.size()];
        double[] size = new double[present.length], visibility = new double[present.length];
        for (int k = 0; k < present.length; k++) {
            present[k] = rng.nextDouble() < p.getDouble("prevalence");
            size[k] = rng.nextDouble();
            visibility[k] = rng.nextDouble();
        }
        Grid g = Grid.of2d(s, s);
        byte[] roi = new byte[s * s];
        g.fill(0.05);
        Painter.blend(g, SmoothShape.random(new Ellipse(0.52 * s, 0.5 * s, 0.47 * s, 0.43 * s, 0), 3, 0.04, 2, rng),
                0.45, 0.08);
        // lungs: image left is the patient's right (radiological convention)
        Shape2d[] lungs = new Shape2d[2];
        for (int side = 0; side < 2; side++) {
            double cx = (side == 0 ? 0.31 : 0.69) * s + 0.02 * s * rng.nextGaussian();
            double tilt = (side == 0 ? 1 : -1) * (0.08 + 0.05 * rng.nextGaussian());
            lungs[side] = SmoothShape.random(new Ellipse(0.47 * s + 0.02 * s * rng.nextGaussian(), cx,
                    0.30 * s * (1 + 0.06 * rng.nextGaussian()), 0.14 * s * (1 + 0.08 * rng.nextGaussian()), tilt), 3, 0.06, 2, rng);
            Painter.blend(g, lungs[side], 0.17, 0.15);
        }
        addRibs(g, lungs, rng);
        // heart: normal width varies by 9 %, so only a clearly wide heart is evidence of cardiomegaly
        double enlarge = present[3] ? contrast * seen(visibility[3]) * (0.2 + 0.2 * size[3]) : 0;
        double heartWidth = 0.15 * s * (1 + 0.09 * rng.nextGaussian()) * (1 + enlarge);
        Ellipse heart = new Ellipse(0.63 * s, 0.54 * s, 0.13 * s, heartWidth, 0.25 + 0.1 * rng.nextGaussian());
        Painter.blend(g, heart, 0.5, 0.12);
        String[] locations = new String[present.length];
        double amp = 0.3 * contrast;
        if (present[0]) {
            // a mottled patch anywhere in a lung: mostly texture (bright and dark flecks), little mean brightening
            int side = rng.nextInt(2);
            double[] at = pointIn(lungs[side], 0.75, rng);
            double r = (0.06 + 0.06 * size[0]) * s;
            SmoothShape blob = SmoothShape.random(new Ellipse(at[0], at[1], r, r * (0.7 + 0.3 * rng.nextDouble()),
                    rng.nextDouble() * Math.PI), 4, 0.15, 1.5, rng);
            Grid mottle = Noise.smoothField(g, Math.max(4, s / 3), rng);
            double a = 0.7 * amp * seen(visibility[0]);
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    double in = blob.softInside(y, x, 0.35);
                    if (in > 1e-4) {
                        g.add(y, x, a * in * (0.3 + 2 * mottle.get(y, x)));
                    }
                }
            }
            Painter.label(roi, s, s, blob, 1);
            locations[0] = zone(side, at[0], lungs[side]);
        }
        if (present[1]) {
            int side = rng.nextInt(2);
            Ellipse lung = ((SmoothShape) lungs[side]).base();
            double top = lung.cy() + lung.ry() * (0.7 - 0.45 * size[1]);
            // meniscus: the fluid line rises towards the chest wall
            double wall = side == 0 ? -1 : 1;
            Shape2d base = (y, x) -> {
                double line = top - 0.25 * lung.ry() * Math.max(0, wall * (x - lung.cx()) / lung.rx());
                return y < line ? 1 + (line - y) / (0.05 * s) : lungs[side].level(y, x);
            };
            Painter.add(g, base, 0.8 * amp * seen(visibility[1]), 0.25);
            Painter.label(roi, s, s, base, 1);
            locations[1] = zone(side, false);
        }
        if (present[2]) {
            int side = rng.nextInt(2);
            double[] at = pointIn(lungs[side], 0.8, rng);
            Ellipse nodule = Ellipse.circle(at[0], at[1], (0.045 + 0.035 * size[2]) * s);
            Painter.add(g, nodule, amp * seen(visibility[2]), 0.15);
            Painter.label(roi, s, s, nodule.scaled(1.5), 1);
            locations[2] = zone(side, at[0], lungs[side]);
        }
        if (present[3]) {
            Painter.label(roi, s, s, heart, 1);
            locations[3] = "heart";
        }
        Noise.addSmooth(g, 6, 0.035, rng);
        double gain = 0.85 + 0.3 * rng.nextDouble();
        for (int i = 0; i < g.v.length; i++) {
            g.v[i] *= (float) gain;
        }
        Noise.gaussian(g, 0.045, rng);
        g.clamp(0, 1);
        float[] targets = new float[present.length];
        CxrFinding[] findings = new CxrFinding[present.length];
        for (int k = 0; k < present.length; k++) {
            targets[k] = present[k] ? 1f : 0f;
            findings[k] = present[k] ? new CxrFinding(true, size[k], visibility[k], locations[k]) : CxrFinding.ABSENT;
        }
        String report = CxrReportText.write(findings, p.getDouble("omit_below"), p.getDouble("hedge_below"),
                p.getDouble("report_noise"), rng);
        Image image = g.toImage(null);
        return Sample.of(caseId(index), Map.of("image", image)).withTargets(targets).withMask(LabelMap.of2d(roi, s, s))
                .withText(report);
    }

    /** How much of a finding's full contrast is drawn at a visibility of 0..1 (the faintest stay visible to a careful reader). */
    private static double seen(double visibility) {
        return 0.5 + 0.5 * visibility;
    }

    /** A uniform point inside the shape's base ellipse scaled by {@code reach} (so the finding stays in the lung). */
    private static double[] pointIn(Shape2d lung, double reach, SplittableRandom rng) {
        Ellipse e = ((SmoothShape) lung).base();
        double rho = reach * Math.sqrt(rng.nextDouble()), t = 2 * Math.PI * rng.nextDouble();
        double u = rho * Math.sin(t) * e.ry(), w = rho * Math.cos(t) * e.rx();
        double c = Math.cos(e.angle()), sn = Math.sin(e.angle());
        return new double[] {e.cy() + c * u + sn * w, e.cx() - sn * u + c * w};
    }

    private static void addRibs(Grid g, Shape2d[] lungs, SplittableRandom rng) {
        double period = g.height * (0.11 + 0.02 * rng.nextDouble());
        double phase = rng.nextDouble() * 2 * Math.PI;
        for (int y = 0; y < g.height; y++) {
            for (int x = 0; x < g.width; x++) {
                double in = Math.max(lungs[0].softInside(y, x, 0.2), lungs[1].softInside(y, x, 0.2));
                double slope = x < g.width / 2 ? 0.35 : -0.35;
                g.add(y, x, 0.05 * in * Math.sin(2 * Math.PI * (y + slope * x) / period + phase));
            }
        }
    }

    private static String zone(int side, boolean upper) {
        return (side == 0 ? "right " : "left ") + (upper ? "upper" : "lower") + " zone";
    }

    /** The zone of a point in a lung: upper, mid or lower third of its height. */
    private static String zone(int side, double y, Shape2d lung) {
        Ellipse e = ((SmoothShape) lung).base();
        double t = (y - e.cy()) / e.ry();
        return (side == 0 ? "right " : "left ") + (t < -0.33 ? "upper" : t < 0.33 ? "mid" : "lower") + " zone";
    }
}
