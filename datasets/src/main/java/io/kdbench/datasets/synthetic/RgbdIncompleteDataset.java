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
import io.kdbench.data.Splits;
import io.kdbench.datasets.partition.StratifiedSplit;
import io.kdbench.datasets.raster.Grid;
import io.kdbench.datasets.synthetic.draw.Ellipse;
import io.kdbench.datasets.synthetic.draw.Noise;
import io.kdbench.datasets.synthetic.draw.Shape2d;
import io.kdbench.datasets.synthetic.draw.SmoothShape;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * RGB-D scene analogue of NYUv2 with depth as the privileged modality. A wall (far, flat) meets a floor
 * (depth falling towards the camera); smooth-shaped regions are either objects (near: standing on the floor
 * or on a shelf) or pictures (hanging on the wall, at wall depth). Colours of every region are drawn from
 * one palette, so the RGB image tells regions apart but barely tells objects from pictures; the depth map
 * ("depth", 1 channel, depth / 6 with sensor noise and holes) does.
 * Task "segmentation": classes background (wall), floor, object, picture.
 * Task "classification": one central object whose depth profile is flat, dome or bowl; its outline is the
 * same for all three, and the RGB shows the profile only as shading, {@code shading} times the relief (0.03 by
 * default: barely visible under the sensor noise; larger values let part of the depth be read from the colours).
 * {@code missing_rate} is the fraction of test cases without depth: 1 (the default) is OS-MD's setting, depth
 * privileged and absent at every test case; below 1 depth is a test-time input that an exact, seeded
 * round(missing_rate x n_test) test cases lack. Training and validation cases always keep depth.
 */
public final class RgbdIncompleteDataset extends SyntheticDataset {
    private static final double DEPTH_SCALE = 6.0;

    @Override
    public String id() {
        return "rgbd-incomplete";
    }

    @Override
    public String summary() {
        return "synthetic RGB-D scenes, depth privileged (absent at test); segmentation or classification";
    }

    @Override
    public ParamSpec parameters() {
        return sizes(32, 200, 40, 80).and(
                Param.of("task", "segmentation", "segmentation (floor, object, picture) or classification (flat,"
                        + " dome, bowl)").oneOf("segmentation", "classification"),
                Param.of("shading", 0.03, "RGB brightness change per unit of relief: how much of the depth the"
                        + " colours show").fraction(),
                Param.of("missing_rate", 1.0, "fraction of test cases without depth; 1: depth privileged (absent at"
                        + " test)").fraction());
    }

    @Override
    public DatasetInfo info(Params p) {
        parameters().check(p);
        double missing = p.getDouble("missing_rate");
        List<Modality> modalities = List.of(new Modality("image", Modality.Kind.IMAGE, false),
                new Modality("depth", Modality.Kind.IMAGE, missing == 1));
        return switch (p.getString("task")) {
            case "segmentation" -> new DatasetInfo(id(), Task.SEGMENTATION_2D,
                    List.of("background", "floor", "object", "picture"), modalities, false);
            case "classification" -> new DatasetInfo(id(), Task.CLASSIFICATION,
                    List.of("flat", "dome", "bowl"), modalities, false);
            default -> throw new IllegalArgumentException("task must be segmentation or classification, got '"
                    + p.getString("task") + "'");
        };
    }

    @Override
    public Splits splits(Params p, long seed) {
        Splits all = super.splits(p, seed);
        double missing = p.getDouble("missing_rate");
        if (missing == 1) {
            return all; // depth privileged: the harness hides it from every test case
        }
        List<Sample> test = all.test();
        int absent = (int) Math.round(missing * test.size());
        // which cases lack depth: a seeded shuffle of the test indices, the first 'absent' of them
        Integer[] order = StratifiedSplit.shuffled(test.size(), streamSeed(seed, 3));
        Sample[] kept = test.toArray(new Sample[0]);
        for (int k = 0; k < absent; k++) {
            Sample s = kept[order[k]];
            kept[order[k]] = s.withImages(Map.of("image", s.image("image")));
        }
        return new Splits(all.train(), all.validation(), List.of(kept), all.external());
    }

    @Override
    protected Sample generate(int index, Params p, SplittableRandom rng) {
        int s = p.getInt("size");
        boolean segmentation = p.getString("task").equals("segmentation");
        Scene scene = new Scene(s, p.getDouble("shading"), rng);
        byte[] labels = new byte[s * s];
        int label = -1;
        if (segmentation) {
            int regions = 2 + rng.nextInt(3);
            for (int r = 0; r < regions; r++) {
                boolean object = rng.nextBoolean();
                double w = (0.08 + 0.08 * rng.nextDouble()) * s, h = (0.08 + 0.1 * rng.nextDouble()) * s;
                double cx = (0.15 + 0.7 * rng.nextDouble()) * s;
                double cy;
                double depth;
                if (object && rng.nextDouble() < 0.6) { // standing on the floor
                    double bottom = scene.horizon + (0.15 + 0.8 * rng.nextDouble()) * (s - scene.horizon);
                    cy = bottom - h;
                    depth = scene.floorDepth(Math.min(s - 1, bottom));
                } else { // on a shelf or hanging on the wall: same place, different depth
                    cy = (0.1 + 0.9 * rng.nextDouble()) * (scene.horizon - h);
                    depth = object ? scene.wallDepth * (0.3 + 0.35 * rng.nextDouble()) : scene.wallDepth - 0.02;
                }
                SmoothShape shape = SmoothShape.random(new Ellipse(cy, cx, h, w, 0.2 * rng.nextGaussian()), 3, 0.08, 2, rng);
                scene.paint(shape, depth, 0, rng);
                paintLabel(labels, s, shape, object ? 2 : 3);
            }
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    if (labels[y * s + x] == 0 && y >= scene.horizon) {
                        labels[y * s + x] = 1;
                    }
                }
            }
        } else {
            label = index % 3;
            double r = (0.24 + 0.04 * rng.nextDouble()) * s;
            SmoothShape shape = SmoothShape.random(new Ellipse((0.5 + 0.03 * rng.nextGaussian()) * s,
                    (0.5 + 0.03 * rng.nextGaussian()) * s, r, r * (0.8 + 0.3 * rng.nextDouble()), 0), 3, 0.06, 2, rng);
            double relief = (label == 0 ? 0 : label == 1 ? -1 : 1) * (0.5 + 0.4 * rng.nextDouble());
            scene.paint(shape, scene.wallDepth * (0.4 + 0.1 * rng.nextDouble()), relief, rng);
        }
        Map<String, Image> images = Map.of("image", scene.rgb(rng), "depth", scene.depth(rng));
        LabelMap mask = segmentation ? LabelMap.of2d(labels, s, s) : null;
        return Sample.of(caseId(index), images).withLabel(label).withMask(mask);
    }

    private static void paintLabel(byte[] labels, int s, Shape2d shape, int label) {
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                if (shape.contains(y, x)) {
                    labels[y * s + x] = (byte) label;
                }
            }
        }
    }

    /** Colour and depth layers of one scene, painted back to front. */
    private static final class Scene {
        final int s;
        final double shading;
        final double horizon;
        final double wallDepth;
        final Grid[] rgb = new Grid[3];
        final Grid depth;

        Scene(int s, double shading, SplittableRandom rng) {
            this.s = s;
            this.shading = shading;
            horizon = (0.45 + 0.15 * rng.nextDouble()) * s;
            wallDepth = 4 + rng.nextDouble();
            depth = Grid.of2d(s, s);
            double[] wall = colour(rng), floor = colour(rng);
            for (int c = 0; c < 3; c++) {
                rgb[c] = Grid.of2d(s, s);
            }
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    boolean isFloor = y >= horizon;
                    for (int c = 0; c < 3; c++) {
                        rgb[c].v[y * s + x] = (float) (isFloor ? floor[c] : wall[c]);
                    }
                    depth.v[y * s + x] = (float) (isFloor ? floorDepth(y) : wallDepth);
                }
            }
        }

        double floorDepth(double y) {
            double t = (y - horizon) / Math.max(1, s - 1 - horizon);
            return wallDepth + (1.0 - wallDepth) * Math.max(0, Math.min(1, t));
        }

        /** Paints a region at {@code depth}; relief > 0 bulges towards the camera, < 0 away, scaled by depth. */
        void paint(Shape2d shape, double depthAt, double relief, SplittableRandom rng) {
            double[] c = colour(rng);
            Ellipse base = shape instanceof SmoothShape ss ? ss.base() : null;
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    if (!shape.contains(y, x)) {
                        continue;
                    }
                    double l = base == null ? 0 : Math.min(1, base.level(y, x));
                    double bulge = 1 - l * l; // 1 at the centre, 0 at the rim
                    double d = depthAt - relief * 0.45 * depthAt * bulge;
                    // shading: surfaces tilted towards the light above look brighter
                    double shade = base == null ? 0 : shading * relief * (base.cy() - y) / base.ry() * Math.sqrt(bulge);
                    for (int k = 0; k < 3; k++) {
                        rgb[k].v[y * s + x] = (float) (c[k] + shade);
                    }
                    depth.v[y * s + x] = (float) d;
                }
            }
        }

        Image rgb(SplittableRandom rng) {
            for (Grid g : rgb) {
                Noise.addSmooth(g, 5, 0.03, rng);
                Noise.gaussian(g, 0.04, rng);
                g.clamp(0, 1);
            }
            return Grid.stack(null, rgb);
        }

        Image depth(SplittableRandom rng) {
            Grid d = new Grid(depth);
            for (int i = 0; i < d.v.length; i++) {
                double v = d.v[i] * (1 + 0.01 * rng.nextGaussian());
                d.v[i] = rng.nextDouble() < 0.02 ? 0f : (float) (v / DEPTH_SCALE); // holes read as 0, like a sensor
            }
            return d.toImage(null);
        }

        private static double[] colour(SplittableRandom rng) {
            return new double[] {0.15 + 0.7 * rng.nextDouble(), 0.15 + 0.7 * rng.nextDouble(), 0.15 + 0.7 * rng.nextDouble()};
        }
    }
}
