package io.kdbench.methods.osmd;

import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.datasets.synthetic.RgbdIncompleteDataset;
import io.kdbench.methods.nn.Batches;
import io.kdbench.methods.nn.CnnEncoder;
import io.kdbench.methods.nn.MultiHeadAttention;
import io.kdbench.methods.testing.TinyData;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OsmdTest {
    private static final Map<String, Object> DATA = Map.of("task", "classification");
    private static final Map<String, Object> SMALL = Map.of("steps", 6, "teacher_steps", 6, "batch_size", 20,
            "teacher_batch_size", 20, "validate_every", 2, "teacher_validate_every", 2, "widths", List.of(4, 8),
            "lr", 0.01);

    private static TrainContext ctx(OsmdRow row, long seed) {
        return TinyData.context(new RgbdIncompleteDataset(), DATA, row, SMALL, seed);
    }

    private static Map<String, INDArray> batch(OsmdRow.Distillation s, double wTask, double wJa, double wCt) {
        int[] idx = {0, 1, 2, 3, 4, 5};
        Map<String, INDArray> b = new HashMap<>();
        b.put(OsmdNetwork.RGB, Batches.images(s.train().stream().map(x -> x.image("image")).toList(), idx));
        b.put("targets", Batches.rows(s.oneHot(), idx, false));
        b.put("teacher_features", Batches.rows(s.teacherFeatures(), idx, false));
        b.put("w_task", Nd4j.scalar((float) wTask));
        b.put("w_ja", Nd4j.scalar((float) wJa));
        b.put("w_ct", Nd4j.scalar((float) wCt));
        return b;
    }

    @Test
    void theLossIsTheWeightedSumOfItsTerms() {
        TrainContext c = ctx(new Osmd(), 1);
        OsmdRow.Distillation s = OsmdRow.prepare(c);
        Map<String, INDArray> out = s.net().graph().output(batch(s, 1, 0.7, 0.2), "loss", "task_loss", "ja_loss", "ct_loss");
        double expected = out.get("task_loss").getDouble(0) + 0.7 * out.get("ja_loss").getDouble(0)
                + 0.2 * out.get("ct_loss").getDouble(0);
        assertEquals(expected, out.get("loss").getDouble(0), 1e-5);
        assertTrue(out.get("ja_loss").getDouble(0) > 0 && out.get("ct_loss").getDouble(0) > 0);
    }

    @Test
    void theNoDistillationRowsLossIsTheTaskLossAlone() {
        Map<String, Object> params = new HashMap<>(SMALL);
        params.putAll(Map.of("lambda_ja", 0.0, "lambda_ct", 0.0));
        TrainContext c = TinyData.context(new RgbdIncompleteDataset(), DATA, new Osmd(), params, 1);
        OsmdRow.Distillation s = OsmdRow.prepare(c);
        // Osmd.train weighs the terms by exactly these parameters
        Map<String, INDArray> out = s.net().graph().output(batch(s, 1, c.params().getDouble("lambda_ja"),
                c.params().getDouble("lambda_ct")), "loss", "task_loss", "ja_loss", "ct_loss");
        assertTrue(out.get("ja_loss").getDouble(0) > 0 && out.get("ct_loss").getDouble(0) > 0);
        assertEquals(out.get("task_loss").getDouble(0), out.get("loss").getDouble(0), 0.0);
    }

    @Test
    void imputationPredictsWithoutTestDepthAndIsSelectedWithoutValidationDepth() throws Exception {
        TrainContext a = ctx(new OsmdImputation(), 6);
        TrainedModel m = new OsmdImputation().train(a);
        assertFalse(m.usesPrivilegedAtTest());
        List<Sample> test = a.splits().test().stream().map(OsmdTest::withoutDepth).toList();
        List<Prediction> ps = m.predict(test); // the harness strips depth: the model must not need it
        // the model never read validation depth: zeroing it changes nothing, to the bit
        TrainContext b = ctx(new OsmdImputation(), 6);
        List<Sample> zeroed = b.splits().validation().stream().map(x -> {
            Map<String, io.kdbench.data.Image> images = new HashMap<>(x.images());
            io.kdbench.data.Image d = x.image("depth");
            images.put("depth", io.kdbench.data.Image.of2d(new float[d.data().length], 1, d.height(), d.width()));
            return x.withImages(images);
        }).toList();
        var splits = new io.kdbench.data.Splits(b.splits().train(), zeroed, b.splits().test(), List.of());
        TrainContext z = TinyData.context(b.params(), b.dataset(), splits, 6);
        List<Prediction> pz = new OsmdImputation().train(z).predict(test);
        for (int i = 0; i < ps.size(); i++) {
            assertArrayEquals(ps.get(i).probabilities(), pz.get(i).probabilities(), 0.0);
        }
        // the test depth, where a case has it, is read: the mean-imputed prediction differs from the real-depth one
        List<Prediction> withDepth = m.predict(a.splits().test());
        boolean differs = false;
        for (int i = 0; i < ps.size(); i++) {
            differs |= !java.util.Arrays.equals(ps.get(i).probabilities(), withDepth.get(i).probabilities());
        }
        assertTrue(differs);
    }

    private static Sample withoutDepth(Sample x) {
        return Sample.of(x.id(), Map.of("image", x.image("image"))).withLabelled(false);
    }

    @Test
    void belowFullMissingRateDepthIsAnInputTheFullModalityRowRefusesAndTheOthersAccept() {
        var ds = new RgbdIncompleteDataset();
        var info = ds.info(io.kdbench.api.Params.of(ds.defaults(), Map.of("task", "classification", "missing_rate", 0.5)));
        assertFalse(new OsmdFullModality().supports(info).ok());
        assertTrue(new OsmdFullModality().supports(info).reason().contains("osmd-imputation"));
        for (OsmdRow row : List.of(new Osmd(), new OsmdTwoStage(), new OsmdRgbOnly(), new OsmdImputation())) {
            assertTrue(row.supports(info).ok(), row.id());
        }
        assertEquals("depth", OsmdRow.privileged(info));
    }

    @Test
    void gradientsReachEveryStudentParameterAndJointAdaptationOnlyTheHallucination() {
        TrainContext c = ctx(new Osmd(), 2);
        OsmdRow.Distillation s = OsmdRow.prepare(c);
        var sd = s.net().graph();
        sd.setLossVariables("loss");
        String[] vars = sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name).toArray(String[]::new);
        Map<String, INDArray> all = sd.calculateGradients(batch(s, 1, 1, 0.1), vars);
        for (String v : vars) {
            assertTrue(all.get(v).norm2Number().doubleValue() > 0, v + " gets a gradient from the one-stage loss");
        }
        Map<String, INDArray> jaOnly = sd.calculateGradients(batch(s, 0, 1, 0), vars);
        for (String v : vars) {
            double norm = jaOnly.get(v) == null ? 0 : jaOnly.get(v).norm2Number().doubleValue();
            assertEquals(v.startsWith("hal_"), norm > 0, v + ": only the hallucination encoder learns from JA");
        }
    }

    @Test
    void oneStageTrainingLowersTheLossAndCountsItsParameters() throws Exception {
        TrainContext c = ctx(new Osmd(), 3);
        TrainedModel m = new Osmd().train(c);
        List<Double> loss = c.log().curves().get("loss");
        assertTrue(loss.get(2) < loss.get(0), "loss falls: " + loss);
        // two encoders (3->4->8; the group norms learn nothing), phi 8x8, head 16 -> 3
        long encoder = (9 * 3 * 4 + 4) + (9 * 4 * 8 + 8);
        assertEquals(2 * encoder + (8 * 8 + 8) + (16 * 3 + 3), m.parameterCount());
        assertFalse(m.usesPrivilegedAtTest());
        List<Sample> test = c.splits().test().stream()
                .map(x -> Sample.of(x.id(), Map.of("image", x.image("image"))).withLabel(x.label()))
                .toList();
        List<Prediction> ps = m.predict(test); // works without depth
        assertEquals(1.0, ps.get(0).probabilities()[0] + ps.get(0).probabilities()[1] + ps.get(0).probabilities()[2], 1e-5);
    }

    @Test
    void twoStageTrainsBothStagesAndBaselinesCountTheirParameters() throws Exception {
        TrainContext c = ctx(new OsmdTwoStage(), 4);
        new OsmdTwoStage().train(c);
        // the budget of 6 steps split 3 + 3; a curve point every 2 steps and at the end
        assertEquals(2, c.log().curves().get("stage1_loss").size());
        assertEquals(2, c.log().curves().get("loss").size());
        long rgbEncoder = (9 * 3 * 4 + 4) + (9 * 4 * 8 + 8);
        long depthEncoder = (9 * 1 * 4 + 4) + (9 * 4 * 8 + 8);
        TrainedModel rgb = new OsmdRgbOnly().train(ctx(new OsmdRgbOnly(), 4));
        assertEquals(rgbEncoder + 8 * 3 + 3, rgb.parameterCount());
        TrainedModel full = new OsmdFullModality().train(ctx(new OsmdFullModality(), 4));
        assertEquals(rgbEncoder + depthEncoder + 16 * 3 + 3, full.parameterCount());
        assertTrue(full.usesPrivilegedAtTest());
    }

    @Test
    void sameSeedGivesSameBits() throws Exception {
        TrainContext a = ctx(new Osmd(), 5), b = ctx(new Osmd(), 5);
        List<Prediction> pa = new Osmd().train(a).predict(a.splits().test());
        List<Prediction> pb = new Osmd().train(b).predict(b.splits().test());
        for (int i = 0; i < pa.size(); i++) {
            assertArrayEquals(pa.get(i).probabilities(), pb.get(i).probabilities(), 0.0);
        }
    }

    @Test
    void segmentationIsRefusedWithAReason() {
        var ds = new RgbdIncompleteDataset();
        var info = ds.info(io.kdbench.api.Params.defaultsOf(ds));
        assertFalse(new Osmd().supports(info).ok());
        assertTrue(new Osmd().supports(info).reason().contains("classification"));
        assertEquals(4L * (8 * 8 + 8), MultiHeadAttention.parameterCount(8));
        assertEquals(2, CnnEncoder.outSide(16, 3));
    }
}
