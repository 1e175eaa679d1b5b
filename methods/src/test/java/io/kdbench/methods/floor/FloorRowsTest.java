package io.kdbench.methods.floor;

import io.kdbench.api.BenchmarkDataset;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.Params;
import io.kdbench.api.Role;
import io.kdbench.api.Task;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;
import io.kdbench.datasets.synthetic.CxrReportDataset;
import io.kdbench.datasets.synthetic.FetalUsDataset;
import io.kdbench.datasets.synthetic.KneeMrFederatedDataset;
import io.kdbench.datasets.synthetic.MammoTabularDataset;
import io.kdbench.datasets.synthetic.RgbdIncompleteDataset;
import io.kdbench.datasets.synthetic.SkinPairsDataset;
import io.kdbench.methods.testing.TinyData;
import io.kdbench.registry.Registries;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FloorRowsTest {

    @Test
    void bothRowsAreRegisteredFloorsForEverySyntheticDataset() {
        Registries registries = Registries.load();
        List<DatasetInfo> datasets = new ArrayList<>();
        for (BenchmarkDataset ds : List.of(new CxrReportDataset(), new MammoTabularDataset(), new SkinPairsDataset(),
                new FetalUsDataset(), new KneeMrFederatedDataset(), new RgbdIncompleteDataset())) {
            datasets.add(ds.info(Params.defaultsOf(ds)));
        }
        RgbdIncompleteDataset rgbd = new RgbdIncompleteDataset();
        datasets.add(rgbd.info(Params.of(rgbd.defaults(), Map.of("task", "classification"))));
        for (String id : List.of("prior", "linear-probe")) {
            DistillationMethod m = registries.methods().get(id);
            assertEquals(Role.FLOOR, m.role(), id);
            m.check(Params.defaultsOf(m));
            for (DatasetInfo info : datasets) {
                assertTrue(m.supports(info).ok(), id + " on " + info.id() + " " + info.task());
            }
        }
        assertEquals(Map.of(), new Prior().defaults());
    }

    @Test
    void priorPredictsTheLabelledTrainingClassFrequencies() throws Exception {
        DatasetInfo info = HandData.info(Task.CLASSIFICATION, List.of("a", "b"));
        SplittableRandom rng = new SplittableRandom(1);
        List<Sample> train = new ArrayList<>();
        for (int label : new int[] {0, 0, 1, 0}) {
            train.add(HandData.classified("t" + train.size(), label, null, image(rng), true, rng));
        }
        // an unlabelled case of class 1 must not count
        train.add(HandData.classified("u", 1, null, image(rng), true, rng).withLabelled(false));
        List<Sample> test = List.of(HandData.classified("x", 1, null, image(rng), false, rng),
                HandData.classified("y", 0, null, image(rng), false, rng));
        TrainedModel m = new Prior().train(TinyData.context(Params.of(Map.of(), Map.of()), info,
                new Splits(train, test, test, List.of()), 3));
        for (Prediction p : m.predict(test)) {
            assertArrayEquals(new double[] {0.75, 0.25}, p.probabilities(), 0);
            assertNull(p.segmentation());
        }
        assertEquals(0, m.parameterCount());
    }

    @Test
    void priorOnAGeneratedDatasetIsItsTrainingClassShare() throws Exception {
        TrainContext ctx = TinyData.context(new SkinPairsDataset(), Map.of(), new Prior(), Map.of(), 4);
        List<Sample> train = ctx.splits().labelledTrain();
        int[] counts = new int[5];
        train.forEach(s -> counts[s.label()]++);
        double[] expected = new double[5];
        for (int k = 0; k < 5; k++) {
            expected[k] = (double) counts[k] / train.size();
        }
        for (Prediction p : new Prior().train(ctx).predict(ctx.splits().test())) {
            assertArrayEquals(expected, p.probabilities(), 0);
        }
    }

    @Test
    void priorOnMultiLabelIsEachLabelsPrevalence() throws Exception {
        TrainContext ctx = TinyData.context(new CxrReportDataset(), Map.of(), new Prior(), Map.of(), 5);
        List<Sample> train = ctx.splits().labelledTrain();
        double[] expected = new double[4];
        for (int k = 0; k < 4; k++) {
            int positives = 0;
            for (Sample s : train) {
                positives += s.targets()[k] > 0.5f ? 1 : 0;
            }
            expected[k] = (double) positives / train.size();
        }
        for (Prediction p : new Prior().train(ctx).predict(ctx.splits().test())) {
            assertArrayEquals(expected, p.probabilities(), 0);
        }
    }

    @Test
    void priorOnSegmentationIsTheVoxelwiseMajorityOnTheCasesGeometry() throws Exception {
        DatasetInfo info = HandData.info(Task.SEGMENTATION_2D, List.of("background", "a", "b"));
        Image blank = Image.of2d(new float[6], 1, 2, 3);
        List<Sample> train = List.of(
                HandData.segmented("m0", blank, LabelMap.of2d(new byte[] {0, 1, 2, 2, 0, 1}, 2, 3)),
                HandData.segmented("m1", blank, LabelMap.of2d(new byte[] {0, 1, 1, 2, 0, 0}, 2, 3)),
                HandData.segmented("m2", blank, LabelMap.of2d(new byte[] {1, 1, 2, 0, 0, 0}, 2, 3)));
        double[] spacing = {2.0, 0.5, 0.25};
        Sample test = Sample.of("x", Map.of("image", new Image(new float[6], 1, 1, 2, 3, spacing)));
        TrainedModel m = new Prior().train(TinyData.context(Params.of(Map.of(), Map.of()), info,
                new Splits(train, train, List.of(test), List.of()), 1));
        LabelMap mask = m.predict(List.of(test)).get(0).segmentation();
        assertArrayEquals(new byte[] {0, 1, 2, 2, 0, 0}, mask.labels());
        assertEquals(2, mask.height());
        assertEquals(3, mask.width());
        assertArrayEquals(spacing, mask.spacing(), 0);
    }

    @Test
    void priorOnAGeneratedSegmentationDatasetCountsTheLabelledMasks() throws Exception {
        TrainContext ctx = TinyData.context(new FetalUsDataset(), Map.of(), new Prior(), Map.of(), 6);
        List<Sample> train = ctx.splits().labelledTrain();
        int voxels = train.get(0).mask().size();
        byte[] expected = new byte[voxels];
        for (int i = 0; i < voxels; i++) {
            int[] counts = new int[3];
            for (Sample s : train) {
                counts[s.mask().label(i)]++;
            }
            // ties go to the lower label, as in the harness's prior
            int best = 0;
            for (int c = 1; c < 3; c++) {
                best = counts[c] > counts[best] ? c : best;
            }
            expected[i] = (byte) best;
        }
        for (Prediction p : new Prior().train(ctx).predict(ctx.splits().test())) {
            assertArrayEquals(expected, p.segmentation().labels());
        }
    }

    private static Image image(SplittableRandom rng) {
        return HandData.quadrants(new boolean[4], rng);
    }
}
