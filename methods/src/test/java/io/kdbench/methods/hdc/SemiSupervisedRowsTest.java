package io.kdbench.methods.hdc;

import io.kdbench.api.DistillationMethod;
import io.kdbench.api.Params;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.api.TrainingLog;
import io.kdbench.data.Prediction;
import io.kdbench.data.Splits;
import io.kdbench.datasets.synthetic.FetalUsDataset;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three fetal-US rows train on tiny data, lower their loss, predict label maps, and repeat bit for bit. */
class SemiSupervisedRowsTest {
    static final FetalUsDataset DATA = new FetalUsDataset();

    /** {@code passes} passes over the 12 training images in batches of 4, evaluated after each pass. */
    static TrainContext tiny(DistillationMethod m, int passes, long seed) {
        Params dp = Params.of(DATA.defaults(), Map.of("size", 16, "n_train", 12, "n_val", 2, "n_test", 3,
                "labelled_fraction", 0.34));
        Splits splits = DATA.splits(dp, 5);
        Map<String, Object> o = new HashMap<>(Map.of("steps", passes * 3, "validate_every", 3, "batch_size", 4,
                "labelled_batch_size", 2, "lr", 0.003, "width", 4, "levels", 2));
        return io.kdbench.methods.testing.TinyData.context(Params.of(m.defaults(), o), DATA.info(dp), splits, seed);
    }

    static void trainsAndPredicts(DistillationMethod m) throws Exception {
        TrainContext ctx = tiny(m, 8, 3);
        TrainedModel model = m.train(ctx);
        List<Double> curve = ctx.log().curves().get("loss");
        assertEquals(8, curve.size());
        assertTrue(curve.get(curve.size() - 1) < curve.get(0), m.id() + " loss should fall: " + curve);
        List<Prediction> p = model.predict(ctx.splits().test());
        assertEquals(3, p.size());
        assertTrue(p.get(0).segmentation().sameShape(ctx.splits().test().get(0).mask()));
        // the deployed U-Net (1 channel in, 3 classes, width 4, 2 levels; HDC's noisy decoder is not deployed), by hand:
        // enc0 1->4 (36+4) + 4->4 (144+4), enc1 4->8 (288+8) + 8->8 (576+8), dec0 (8+4)->4 (432+4) + 4->4 (144+4),
        // 1x1 4->3 (12+3)
        assertEquals(40 + 148 + 296 + 584 + 436 + 148 + 15, model.parameterCount(), m.id());
    }

    /** The rows with a teacher are single-site; supervised-only is also the control on federated data. */
    @Test
    void teacherRowsRefuseFederatedDataAndEveryRowRefusesClassification() {
        io.kdbench.datasets.synthetic.KneeMrFederatedDataset knee = new io.kdbench.datasets.synthetic.KneeMrFederatedDataset();
        io.kdbench.api.DatasetInfo federated = knee.info(Params.defaultsOf(knee));
        io.kdbench.api.DatasetInfo fetal = DATA.info(Params.defaultsOf(DATA));
        io.kdbench.datasets.synthetic.SkinPairsDataset skin = new io.kdbench.datasets.synthetic.SkinPairsDataset();
        io.kdbench.api.DatasetInfo classification = skin.info(Params.defaultsOf(skin));
        for (DistillationMethod m : List.of(new Hdc(), new MeanTeacher())) {
            assertFalse(m.supports(federated).ok(), m.id());
            assertTrue(m.supports(fetal).ok(), m.id());
            assertFalse(m.supports(classification).ok(), m.id());
        }
        assertTrue(new SegSupervised().supports(federated).ok());
        assertTrue(new SegSupervised().supports(fetal).ok());
        assertFalse(new SegSupervised().supports(classification).ok());
    }

    @Test
    void supervisedTrains() throws Exception {
        trainsAndPredicts(new SegSupervised());
    }

    @Test
    void meanTeacherTrains() throws Exception {
        trainsAndPredicts(new MeanTeacher());
    }

    @Test
    void hdcTrainsAndIsBitIdentical() throws Exception {
        trainsAndPredicts(new Hdc());
        Hdc m = new Hdc();
        TrainContext a = tiny(m, 2, 9), b = tiny(m, 2, 9);
        TrainedModel ma = m.train(a), mb = m.train(b);
        assertEquals(a.log().curves(), b.log().curves());
        List<Prediction> pa = ma.predict(a.splits().test()), pb = mb.predict(b.splits().test());
        for (int i = 0; i < pa.size(); i++) {
            assertArrayEquals(pa.get(i).segmentation().labels(), pb.get(i).segmentation().labels());
        }
    }
}
