package io.kdbench.datasets.synthetic;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Modality;
import io.kdbench.api.Params;
import io.kdbench.api.Task;
import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Sample;
import io.kdbench.datasets.synthetic.draw.Blobs;
import io.kdbench.datasets.synthetic.draw.Ellipse;
import io.kdbench.datasets.synthetic.draw.Grid;
import io.kdbench.datasets.synthetic.draw.Noise;
import io.kdbench.datasets.synthetic.draw.Painter;
import io.kdbench.datasets.synthetic.draw.Shape2d;
import io.kdbench.datasets.synthetic.draw.SmoothShape;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Chest-radiograph analogue of MIMIC-CXR with MS-CXR-style regions: lung fields as smooth dark shapes in a
 * body outline with heart and rib texture; four findings drawn at low contrast (opacity: soft blob,
 * effusion: brightening of a lung base, nodule: small round blob, cardiomegaly: a wider heart); a report
 * written from the findings (privileged text); mask = union of the present findings' regions (ROI, 1).
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
    public Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("size", 48);
        d.put("n_train", 200);
        d.put("n_val", 40);
        d.put("n_test", 80);
        d.put("prevalence", 0.35);
        d.put("contrast", 1.0);       // scales the findings' visibility in the image
        d.put("report_noise", 0.1);   // probability scale of omitted, hedged or false report statements
        return d;
    }

    @Override
    public DatasetInfo info(Params p) {
        requireSizes(p);
        require(p.getDouble("prevalence") > 0 && p.getDouble("prevalence") < 1, "prevalence must be in (0, 1)");
        require(p.getDouble("report_noise") >= 0 && p.getDouble("report_noise") <= 1, "report_noise must be in [0, 1]");
        return new DatasetInfo(id(), Task.MULTILABEL_CLASSIFICATION, FINDINGS,
                List.of(new Modality("image", Modality.Kind.IMAGE, false),
                        new Modality("text", Modality.Kind.TEXT, true)), false);
    }

    @Override
    protected Sample generate(int index, Params p, SplittableRandom rng) {
        int s = p.getInt("size");
        double contrast = p.getDouble("contrast");
        boolean[] present = new boolean[FINDINGS.size()];
        for (int k = 0; k < present.length; k++) {
            present[k] = rng.nextDouble() < p.getDouble("prevalence");
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
        // heart: normal width varies, so a wide heart is only weak evidence of cardiomegaly
        double heartWidth = 0.15 * s * (1 + 0.09 * rng.nextGaussian()) * (present[3] ? 1 + 0.13 * contrast : 1);
        Ellipse heart = new Ellipse(0.63 * s, 0.54 * s, 0.13 * s, heartWidth, 0.25 + 0.1 * rng.nextGaussian());
        Painter.blend(g, heart, 0.5, 0.12);
        String[] locations = new String[present.length];
        double amp = 0.07 * contrast;
        if (present[0]) {
            int side = rng.nextInt(2);
            boolean upper = rng.nextBoolean();
            Ellipse lung = ((SmoothShape) lungs[side]).base();
            Ellipse spot = new Ellipse(lung.cy() + (upper ? -0.4 : 0.35) * lung.ry() + 0.05 * s * rng.nextGaussian(),
                    lung.cx() + 0.04 * s * rng.nextGaussian(), 0.08 * s * (1 + 0.2 * rng.nextDouble()),
                    0.06 * s * (1 + 0.2 * rng.nextDouble()), rng.nextDouble() * Math.PI);
            SmoothShape blob = SmoothShape.random(spot, 4, 0.15, 1.5, rng);
            Painter.add(g, blob, amp * (0.8 + 0.6 * rng.nextDouble()), 0.35);
            Painter.label(roi, s, s, blob, 1);
            locations[0] = zone(side, upper);
        }
        if (present[1]) {
            int side = rng.nextInt(2);
            Ellipse lung = ((SmoothShape) lungs[side]).base();
            double top = lung.cy() + lung.ry() * (0.35 + 0.2 * rng.nextDouble());
            Shape2d base = (y, x) -> y < top ? 1 + (top - y) / (0.05 * s) : lungs[side].level(y, x);
            Painter.add(g, base, 0.9 * amp, 0.25);
            Painter.label(roi, s, s, base, 1);
            locations[1] = zone(side, false);
        }
        if (present[2]) {
            int side = rng.nextInt(2);
            Ellipse lung = ((SmoothShape) lungs[side]).base();
            double cy = lung.cy() + 0.6 * lung.ry() * (2 * rng.nextDouble() - 1);
            double cx = lung.cx() + 0.5 * lung.rx() * (2 * rng.nextDouble() - 1);
            double r = 0.035 * s;
            Blobs.gaussian(g, cy, cx, r, 1.6 * amp);
            Painter.label(roi, s, s, Ellipse.circle(cy, cx, 2 * r), 1);
            locations[2] = zone(side, cy < lung.cy());
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
        for (int k = 0; k < present.length; k++) {
            targets[k] = present[k] ? 1f : 0f;
        }
        String report = ReportWriter.write(present, locations, p.getDouble("report_noise"), rng);
        Image image = g.toImage(null);
        return new Sample(caseId(index), Map.of("image", image), -1, targets, LabelMap.of2d(roi, s, s),
                report, null, null, true);
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
}
