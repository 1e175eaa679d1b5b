package io.kdbench.methods.floor;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.EmptyPolicy;
import io.kdbench.api.Params;
import io.kdbench.api.Task;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;
import io.kdbench.datasets.synthetic.CxrReportDataset;
import io.kdbench.datasets.synthetic.KneeMrFederatedDataset;
import io.kdbench.datasets.synthetic.RgbdIncompleteDataset;
import io.kdbench.datasets.synthetic.SkinPairsDataset;
import io.kdbench.learning.LabelPrior;
import io.kdbench.metrics.classification.Auroc;
import io.kdbench.metrics.segmentation.DiceMetric;
import io.kdbench.methods.testing.TinyData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearProbeTest {
    private static final LinearProbe PROBE = new LinearProbe();

    @Test
    void singleLabelProbeSeparatesBrightQuadrants() throws Exception {
        // class k: quadrant k bright, the rest dark
        DatasetInfo info = HandData.info(Task.CLASSIFICATION, List.of("q0", "q1", "q2", "q3"));
        SplittableRandom rng = new SplittableRandom(11);
        List<Sample> train = new ArrayList<>(), test = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int label = i % 4;
            boolean[] bright = new boolean[4];
            bright[label] = true;
            (i < 40 ? train : test).add(HandData.classified("c" + i, label, null, HandData.quadrants(bright, rng), i < 40, rng));
        }
        Splits splits = new Splits(train, List.of(), test, List.of());
        TrainedModel m = PROBE.train(context(info, splits, Map.of(), 7));

        assertEquals(1.0, accuracy(m.predict(train), train));
        boolean[][] positive = new boolean[test.size()][4];
        double[][] scores = new double[test.size()][];
        List<Prediction> ps = m.predict(test);
        for (int i = 0; i < test.size(); i++) {
            double[] p = ps.get(i).probabilities();
            double sum = 0;
            for (double v : p) {
                assertTrue(v >= 0 && v <= 1, "probability " + v);
                sum += v;
            }
            assertEquals(1.0, sum, 1e-9);
            positive[i][test.get(i).label()] = true;
            scores[i] = p;
        }
        assertTrue(Auroc.perClass(positive, scores).macro() > 0.95);
        // grid 8 on an 8x8 gray image: 64 features, 4 classes, each with a bias
        assertEquals(4 * (64 + 1), m.parameterCount());

        double[][] again = probabilities(PROBE.train(context(info, splits, Map.of(), 7)).predict(test));
        double[][] first = probabilities(ps);
        for (int i = 0; i < first.length; i++) {
            assertArrayEquals(first[i], again[i], 0, "same seed, same bits");
        }
        // another seed shuffles the minibatches differently; it only has to work as well
        assertEquals(1.0, accuracy(PROBE.train(context(info, splits, Map.of(), 8)).predict(train), train));
    }

    @Test
    void multiLabelProbeGivesAnIndependentProbabilityPerLabel() throws Exception {
        // label 0: top-left quadrant bright; label 1: bottom-right bright; independent of each other
        DatasetInfo info = HandData.info(Task.MULTILABEL_CLASSIFICATION, List.of("tl", "br"));
        SplittableRandom rng = new SplittableRandom(12);
        List<Sample> train = new ArrayList<>(), test = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            boolean a = i % 2 == 0, b = (i / 2) % 2 == 0;
            float[] targets = {a ? 1 : 0, b ? 1 : 0};
            Image image = HandData.quadrants(new boolean[] {a, false, false, b}, rng);
            (i < 48 ? train : test).add(HandData.classified("c" + i, -1, targets, image, i < 48, rng));
        }
        TrainedModel m = PROBE.train(context(info, new Splits(train, List.of(), test, List.of()), Map.of(), 3));
        List<Prediction> ps = m.predict(test);
        for (int k = 0; k < 2; k++) {
            boolean[] positive = new boolean[test.size()];
            double[] scores = new double[test.size()];
            for (int i = 0; i < test.size(); i++) {
                positive[i] = test.get(i).targets()[k] > 0.5f;
                scores[i] = ps.get(i).probabilities()[k];
                assertTrue(scores[i] >= 0 && scores[i] <= 1);
            }
            assertTrue(Auroc.binary(positive, scores).value() > 0.95, "label " + k);
        }
        // one binary model per label: 2 outputs x (64 features + bias)
        assertEquals(2 * 2 * 65, m.parameterCount());
    }

    @Test
    void everyTestTimeImageIsAFeatureAndNoPrivilegedOne() throws Exception {
        TrainContext ctx = TinyData.context(new SkinPairsDataset(), Map.of(), PROBE, Map.of("grid", 4, "epochs", 3), 2);
        TrainedModel m = PROBE.train(ctx);
        // clinical + dermoscopy, RGB each, 4x4: 96 features; 5 classes
        assertEquals(5 * (2 * 3 * 16 + 1), m.parameterCount());
        for (Prediction p : m.predict(ctx.splits().test())) {
            assertEquals(1.0, p.probabilities()[0] + p.probabilities()[1] + p.probabilities()[2]
                    + p.probabilities()[3] + p.probabilities()[4], 1e-9);
        }
        TrainContext cxr = TinyData.context(new CxrReportDataset(), Map.of(), PROBE, Map.of("grid", 2, "epochs", 2), 2);
        assertEquals(4, PROBE.train(cxr).predict(cxr.splits().test()).get(0).probabilities().length);
    }

    @Test
    void aTestCaseWithoutItsDepthGetsTheTrainingMeanForThoseFeatures() throws Exception {
        // rgbd-incomplete below missing_rate 1: depth is a test-time input that half the test cases lack
        TrainContext ctx = TinyData.context(new RgbdIncompleteDataset(), Map.of("task", "classification",
                "missing_rate", 0.5), PROBE, Map.of("grid", 4, "epochs", 3), 2);
        TrainedModel m = PROBE.train(ctx);
        // RGB (3 channels) + depth (1), 4x4: 64 features; 3 classes
        assertEquals(3 * (4 * 16 + 1), m.parameterCount());
        List<Sample> test = ctx.splits().test();
        long without = test.stream().filter(s -> !s.images().containsKey("depth")).count();
        assertTrue(without > 0 && without < test.size(), "both kinds of test case: " + without);
        List<Prediction> ps = m.predict(test);
        assertEquals(test.size(), ps.size());
        for (Prediction p : ps) {
            assertEquals(1.0, p.probabilities()[0] + p.probabilities()[1] + p.probabilities()[2], 1e-9);
        }
        Standardiser st = new Standardiser(new double[] {2, 5}, new double[] {4, 1});
        assertArrayEquals(new double[] {0, 1}, st.apply(new double[] {Double.NaN, 6}), 0, "NaN -> the training mean");
    }

    @Test
    void segmentationProbeFindsBrightPixelsFarBetterThanThePrior() throws Exception {
        DatasetInfo info = HandData.info(Task.SEGMENTATION_2D, List.of("background", "blob"));
        SplittableRandom rng = new SplittableRandom(21);
        List<Sample> train = new ArrayList<>(), test = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            (i < 10 ? train : test).add(blobCase("s" + i, rng));
        }
        Splits splits = new Splits(train, List.of(), test, List.of());
        Map<String, Object> params = Map.of("voxels_per_image", 100);
        TrainedModel m = PROBE.train(context(info, splits, params, 5));
        List<Sample> masked = test.stream().map(LinearProbeTest::withoutMask).toList();
        List<Prediction> ps = m.predict(masked);
        for (int i = 0; i < ps.size(); i++) {
            LabelMap mask = ps.get(i).segmentation();
            assertArrayEquals(test.get(i).image("image").spacing(), mask.spacing(), 0);
            assertEquals(16, mask.height());
        }
        DiceMetric dice = new DiceMetric();
        double probe = dice.evaluate(test, ps, info, EmptyPolicy.NAN).overall();
        double prior = dice.evaluate(test, LabelPrior.fit(info, train).predict(test), info, EmptyPolicy.NAN).overall();
        assertTrue(probe > 0.9 && probe > prior + 0.4, "probe dice " + probe + ", prior " + prior);
        // 9 intensities + y, x; two classes with a bias each
        assertEquals(2 * (9 + 2 + 1), m.parameterCount());
        LabelMap again = PROBE.train(context(info, splits, params, 5)).predict(masked).get(0).segmentation();
        assertArrayEquals(ps.get(0).segmentation().labels(), again.labels());
    }

    @Test
    void segmentationProbeRunsOnTheFederatedKneeVolumes() throws Exception {
        KneeMrFederatedDataset knee = new KneeMrFederatedDataset();
        Params dp = Params.of(knee.defaults(), Map.of("repo_size", 8, "n_repository", 1, "client_size", 12,
                "client_depth", 6, "clients", 2, "labelled_per_client", 1, "unlabelled_per_client", 1,
                "val_per_client", 1, "test_per_client", 1));
        DatasetInfo info = knee.info(dp);
        TrainContext ctx = context(info, knee.splits(dp, 1), Map.of("voxels_per_image", 300, "epochs", 3), 1);
        TrainedModel m = PROBE.train(ctx);
        // 27 intensities + z, y, x and a bias, per label seen among the sampled voxels
        assertEquals(0, m.parameterCount() % (27 + 3 + 1));
        for (Prediction p : m.predict(ctx.splits().test())) {
            assertNotNull(p.segmentation());
            assertEquals(6, p.segmentation().depth());
            assertEquals(12, p.segmentation().width());
        }
    }

    @Test
    void validateNamesTheParameterAndTheBadValue() {
        Map<String, Object> bad = Map.of("grid", 0, "epochs", 0, "batch_size", -2, "voxels_per_image", 0,
                "learning_rate", -0.5);
        bad.forEach((key, value) -> {
            Params p = Params.of(PROBE.defaults(), Map.of(key, value));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PROBE.check(p), key);
            assertTrue(e.getMessage().contains(key) && e.getMessage().contains(String.valueOf(value)), e.getMessage());
        });
        assertThrows(IllegalArgumentException.class,
                () -> PROBE.check(Params.of(PROBE.defaults(), Map.of("learning_rate", Double.NaN))));
        PROBE.check(Params.defaultsOf(PROBE));
    }

    private static TrainContext context(DatasetInfo info, Splits splits, Map<String, Object> params, long seed) {
        Params p = Params.of(PROBE.defaults(), new HashMap<>(params));
        PROBE.check(p);
        return TinyData.context(p, info, splits, seed);
    }

    /** A 16x16 case with a bright rectangle of random size and place (the label) on a dark, noisy background. */
    private static Sample blobCase(String id, SplittableRandom rng) {
        int n = 16;
        int h = 3 + rng.nextInt(6), w = 3 + rng.nextInt(6);
        int y0 = rng.nextInt(n - h), x0 = rng.nextInt(n - w);
        float[] v = new float[n * n];
        byte[] labels = new byte[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                boolean in = y >= y0 && y < y0 + h && x >= x0 && x < x0 + w;
                labels[y * n + x] = (byte) (in ? 1 : 0);
                v[y * n + x] = (float) ((in ? 1 : 0) + 0.2 * rng.nextGaussian());
            }
        }
        double[] spacing = {1, 0.5, 0.5};
        return HandData.segmented(id, new Image(v, 1, 1, n, n, spacing), new LabelMap(labels, 1, n, n, spacing));
    }

    private static Sample withoutMask(Sample s) {
        return Sample.of(s.id(), s.images());
    }

    private static double accuracy(List<Prediction> ps, List<Sample> truth) {
        int correct = 0;
        for (int i = 0; i < ps.size(); i++) {
            double[] p = ps.get(i).probabilities();
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                best = p[k] > p[best] ? k : best;
            }
            correct += best == truth.get(i).label() ? 1 : 0;
        }
        return (double) correct / ps.size();
    }

    private static double[][] probabilities(List<Prediction> ps) {
        return ps.stream().map(Prediction::probabilities).toArray(double[][]::new);
    }
}
