package io.kdbench.methods.fedkd;

import io.kdbench.api.DistillationMethod;
import io.kdbench.api.Params;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.api.TrainingLog;
import io.kdbench.data.Prediction;
import io.kdbench.data.Splits;
import io.kdbench.datasets.synthetic.FetalUsDataset;
import io.kdbench.datasets.synthetic.KneeMrFederatedDataset;
import io.kdbench.methods.nn.SegmentationLosses;
import io.kdbench.methods.nn.UNet;
import io.kdbench.methods.train.SegmentationData;
import io.kdbench.methods.train.StudentGraph;
import io.kdbench.methods.train.Weights;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The federated rows on tiny 3-D data: training lowers the loss, bytes are counted, runs repeat bit for bit. */
class FederatedRowsTest {
    static final KneeMrFederatedDataset DATA = new KneeMrFederatedDataset();

    static TrainContext tiny(DistillationMethod m, int rounds, long seed) {
        return tiny(m, rounds, seed, Map.of());
    }

    static TrainContext tiny(DistillationMethod m, int rounds, long seed, Map<String, Object> params) {
        Params dp = Params.of(DATA.defaults(), Map.of("repo_size", 8, "n_repository", 3, "client_size", 8,
                "client_depth", 8, "clients", 2, "labelled_per_client", 1, "unlabelled_per_client", 2,
                "val_per_client", 1, "test_per_client", 1));
        Splits splits = DATA.splits(dp, 4);
        Map<String, Object> o = new HashMap<>(Map.of("rounds", rounds, "steps", rounds * 2, "teacher_steps", 3,
                "batch_size", 2, "teacher_batch_size", 2, "labelled_batch_size", 1, "lr", 0.005, "width", 2,
                "levels", 2));
        if (m.defaults().containsKey("teacher_warmup_epochs")) {
            o.put("teacher_warmup_epochs", 1);
            o.put("mc_passes", 2);
        }
        o.putAll(params);
        return io.kdbench.methods.testing.TinyData.context(Params.of(m.defaults(), o), DATA.info(dp), splits, seed);
    }

    @Test
    void dualKdTrainsCountsBytesAndIsBitIdentical() throws Exception {
        FedDualKd m = new FedDualKd();
        TrainContext a = tiny(m, 3, 2);
        TrainedModel ma = m.train(a);
        List<Double> curve = a.log().curves().get("loss");
        assertEquals(3, curve.size());
        assertTrue(curve.get(2) < curve.get(0), "federated loss should fall: " + curve);
        @SuppressWarnings("unchecked")
        List<Long> bytes = (List<Long>) a.log().extras().get("bytes_per_round");
        assertEquals(2 * 2 * 4 * ma.parameterCount(), bytes.get(0), "2 clients x (down + up) x 4 bytes x parameters");
        assertEquals(3 * 2 * 2, a.log().extras().get("optimisation_steps"), "3 rounds x 2 clients x 2 local steps");
        io.kdbench.api.Selection chosen = (io.kdbench.api.Selection)
                ((Map<?, ?>) a.log().extras().get(io.kdbench.api.TrainingLog.SELECTION)).get("student");
        assertEquals(List.of(1, 2, 3), chosen.steps(), "the deployed model is scored after every round");
        assertTrue(((Map<?, ?>) a.log().extras().get(io.kdbench.api.TrainingLog.TEACHERS)).containsKey("repository teacher"));
        TrainContext b = tiny(m, 3, 2);
        TrainedModel mb = m.train(b);
        assertEquals(a.log().curves(), b.log().curves());
        List<Prediction> pa = ma.predict(a.splits().test()), pb = mb.predict(b.splits().test());
        for (int i = 0; i < pa.size(); i++) {
            assertArrayEquals(pa.get(i).segmentation().labels(), pb.get(i).segmentation().labels());
            assertTrue(pa.get(i).segmentation().sameShape(a.splits().test().get(i).mask()));
        }
    }

    @Test
    void rowsOfOneDrawShareTheRepositoryTeacherBitForBit() throws Exception {
        RepositoryTeachers.clear();
        int before = RepositoryTeachers.trainings();
        TrainContext avg = tiny(new FedAvgBaseline(), 2, 3);
        new FedAvgBaseline().train(avg);
        // another row on the same draw (the runner shares the draw's lists but wraps them in a new Splits for each
        // cell, with the test cases stripped): no second pre-training
        Splits draw = avg.splits();
        TrainContext shared = new TrainContext(avg.params(), avg.dataset(),
                new Splits(draw.train(), draw.validation(), List.copyOf(draw.test()), draw.external()), avg.seed(),
                new TrainingLog(), avg.validation());
        TrainedModel sharedModel = new FedLocalOnly().train(shared);
        assertEquals(before + 1, RepositoryTeachers.trainings(), "the second row reuses the first row's teacher");
        // the same row on its own draw of the same data, trained from scratch: the same curves, teacher score,
        // selections and predictions, bit for bit
        TrainContext alone = tiny(new FedLocalOnly(), 2, 3);
        TrainedModel aloneModel = new FedLocalOnly().train(alone);
        assertEquals(before + 2, RepositoryTeachers.trainings());
        assertEquals(alone.log().curves(), shared.log().curves());
        assertTrue(shared.log().curves().containsKey("teacher_pretraining"));
        assertEquals(alone.log().extras().get(TrainingLog.TEACHERS), shared.log().extras().get(TrainingLog.TEACHERS));
        assertEquals(alone.log().extras().get(TrainingLog.SELECTION), shared.log().extras().get(TrainingLog.SELECTION));
        assertEquals(List.copyOf(alone.log().extras().keySet()), List.copyOf(shared.log().extras().keySet()));
        List<Prediction> pa = aloneModel.predict(alone.splits().test()), ps = sharedModel.predict(shared.splits().test());
        for (int i = 0; i < pa.size(); i++) {
            assertArrayEquals(pa.get(i).segmentation().labels(), ps.get(i).segmentation().labels());
        }
    }

    @Test
    void baselinesRunAndPredict() throws Exception {
        for (DistillationMethod m : List.of(new FedAvgBaseline(), new FedLocalOnly(), new FedCentralised(),
                new FedMeanTeacher())) {
            TrainContext ctx = tiny(m, 2, 3);
            TrainedModel model = m.train(ctx);
            assertEquals(2, ctx.log().curves().get("loss").size(), m.id());
            assertEquals(ctx.splits().test().size(), model.predict(ctx.splits().test()).size());
        }
        TrainContext local = tiny(new FedLocalOnly(), 1, 3);
        new FedLocalOnly().train(local);
        assertEquals(0L, local.log().extras().get("bytes_total"), "local-only sends nothing");
    }

    @Test
    void meanTeacherRowWithoutConsistencyIsFedAvgBitForBit() throws Exception {
        FedAvgBaseline avg = new FedAvgBaseline();
        TrainContext a = tiny(avg, 2, 6);
        TrainedModel ma = avg.train(a);
        FedMeanTeacher mt = new FedMeanTeacher();
        TrainContext off = tiny(mt, 2, 6, Map.of("consistency", 0.0));
        TrainedModel moff = mt.train(off);
        assertEquals(a.log().curves(), off.log().curves(), "consistency 0: the same batches and the same loss as FedAvg");
        assertEquals(predictions(ma, a), predictions(moff, off));
        TrainContext on = tiny(mt, 2, 6, Map.of("consistency", 5.0));
        TrainedModel mon = mt.train(on);
        assertFalse(a.log().curves().equals(on.log().curves()), "the consistency term changes the training");
        TrainContext again = tiny(mt, 2, 6, Map.of("consistency", 5.0));
        mt.train(again);
        assertEquals(on.log().curves(), again.log().curves(), "same seed, same bits");
        assertEquals(on.splits().test().size(), mon.predict(on.splits().test()).size());
    }

    static List<io.kdbench.data.LabelMap> predictions(TrainedModel m, TrainContext c) {
        return m.predict(c.splits().test()).stream().map(Prediction::segmentation).toList();
    }

    /**
     * The clients' supervised term is the supervision data's rule: the code's Dice with background + plain CE where the
     * foreground is not rare, the background-free Dice + class-weighted CE where it is (the knee declares it).
     */
    @Test
    void theClientsSupervisedTermFollowsTheDatasetsRareForegroundRule() {
        TrainContext ctx = tiny(new FedAvgBaseline(), 1, 5);
        assertTrue(ctx.dataset().rareForeground());
        UNet.Config cfg = new UNet.Config(1, 4, 2, 2, true);
        SegmentationData code = new SegmentationData(ctx.splits().train(), "image", 4, true, true);
        SegmentationData rare = new SegmentationData(ctx.splits().train(), "image", 4, true, false);
        SegmentationData.Labelled l = code.labelledBatch(1, new SplittableRandom(1), null);
        Map<String, INDArray> batch = Map.of("xl", l.x(), "yl", l.oneHot());
        double codeLoss = supervisedLoss(cfg, code, ctx, batch);
        double rareLoss = supervisedLoss(cfg, rare, ctx, batch);
        // the same weights (seed 1) and batch through each rule's loss built on its own graph
        assertEquals(expectedLoss(cfg, code, batch), codeLoss, 1e-6);
        assertEquals(expectedLoss(cfg, rare, batch), rareLoss, 1e-6);
        assertTrue(Math.abs(codeLoss - rareLoss) > 1e-3, "the rules differ: " + codeLoss + " vs " + rareLoss);
    }

    private static double supervisedLoss(UNet.Config cfg, SegmentationData data, TrainContext ctx,
                                         Map<String, INDArray> batch) {
        ClientTrainer t = new ClientTrainer(cfg, data, ctx.params(), FederatedMethod.LocalLoss.SUPERVISED, 1, 1);
        return t.student.sd().output(batch, "loss").get("loss").getDouble(0);
    }

    private static double expectedLoss(UNet.Config cfg, SegmentationData data, Map<String, INDArray> batch) {
        StudentGraph g = new StudentGraph(cfg, 1);
        SDVariable xl = g.placeholder("xl", 1);
        SDVariable yl = g.sd().placeHolder("yl", DataType.FLOAT, -1, data.voxels(), 4);
        SDVariable logits = g.student().decode(0, g.student().encode(xl), null).logits();
        SegmentationLosses.diceCe(g.sd(), logits, yl, data.voxels(), 4, true, data.diceBackground(), data.ceWeights())
                .rename("expected");
        return g.sd().output(batch, "expected").get("expected").getDouble(0);
    }

    @Test
    void federatedRowsRefuseNonFederatedData() {
        FetalUsDataset fetal = new FetalUsDataset();
        assertFalse(new FedDualKd().supports(fetal.info(Params.defaultsOf(fetal))).ok());
        assertTrue(new FedDualKd().supports(DATA.info(Params.defaultsOf(DATA))).ok());
    }

    @Test
    void gradientsReachEveryStudentWeightThroughBothKdTerms() {
        FedDualKd m = new FedDualKd();
        TrainContext ctx = tiny(m, 1, 5);
        // one local step's gradients through the dual-KD graph: every deployed student variable gets one
        io.kdbench.methods.nn.UNet.Config cfg = new io.kdbench.methods.nn.UNet.Config(1, 4, 2, 2, true);
        ClientData c = ClientData.byClient(ctx.splits().train(), "image", 4, true).get(0);
        ClientTrainer local = new ClientTrainer(cfg, c.data(), ctx.params(),
                FederatedMethod.LocalLoss.DUAL_KD, 1, 1);
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> batch = new HashMap<>();
        io.kdbench.methods.train.SegmentationData.Labelled l = c.data().labelledBatch(1, new java.util.SplittableRandom(1), null);
        batch.put("xl", l.x());
        batch.put("yl", l.oneHot());
        local.distillationInputs(batch, c.data(), new int[] {c.data().unlabelledIndices().get(0)}, ctx.params(),
                new java.util.SplittableRandom(2), 1, 0);
        StudentGraph g = local.student;
        g.sd().setLossVariables("loss");
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> grads = g.sd().calculateGradients(batch,
                g.deployedVariables().toArray(new String[0]));
        for (String n : g.deployedVariables()) {
            assertTrue(grads.get(n) != null && grads.get(n).norm2Number().doubleValue() > 0, "gradient reaches " + n);
        }
        assertTrue(Weights.parameterCount(Weights.snapshot(g.sd(), g.deployedVariables())) > 0);
    }
}
