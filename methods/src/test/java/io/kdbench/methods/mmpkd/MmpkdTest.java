package io.kdbench.methods.mmpkd;

import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.api.TrainingLog;
import io.kdbench.data.Image;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.datasets.synthetic.CxrReportDataset;
import io.kdbench.datasets.synthetic.MammoTabularDataset;
import io.kdbench.datasets.synthetic.RgbdIncompleteDataset;
import io.kdbench.methods.train.Targets;
import io.kdbench.methods.mmpkd.teachers.ForestTeacher;
import io.kdbench.methods.mmpkd.teachers.NgramVocabulary;
import io.kdbench.methods.mmpkd.teachers.SoftTargets;
import io.kdbench.methods.testing.TinyData;
import io.kdbench.methods.train.Recipe;
import io.kdbench.methods.train.VitClassifier;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MmpkdTest {
    private static final Map<String, Object> SMALL = Map.of("steps", 9, "validate_every", 3, "batch_size", 16,
            "width", 16, "heads", 2, "patch", 4, "lr", 0.003, "teacher_steps", 30, "teacher_batch_size", 16,
            "teacher_validate_every", 10);

    @Test
    void softTargetsFollowTheirFormulas() {
        assertArrayEquals(new float[] {0.25f, 0.75f}, SoftTargets.sharpen(new double[] {0.25, 0.75}, 1), 1e-7f);
        // T = 2: sqrt(0.2) / (sqrt(0.2) + sqrt(0.8)) = 1/3
        assertArrayEquals(new float[] {1 / 3f, 2 / 3f}, SoftTargets.sharpen(new double[] {0.2, 0.8}, 2), 1e-6f);
        float[] s = SoftTargets.softmax(new double[] {2, 0}, 2);
        assertEquals(Math.E / (Math.E + 1), s[0], 1e-6);
        assertEquals(1 / (1 + Math.exp(-1.5)), SoftTargets.sigmoid(new double[] {3}, 2)[0], 1e-6);
    }

    @Test
    void ngramFeaturesAreUnigramsAndBigramsOfTheVocabulary() {
        assertEquals(List.of("small", "left", "effusion", "small left", "left effusion"),
                NgramVocabulary.ngrams("Small left-effusion."));
        NgramVocabulary v = new NgramVocabulary(List.of("no effusion", "small effusion", "no nodule"), 2);
        // kept (>= 2 texts): "effusion", "no"; sorted order
        assertEquals(2, v.size());
        assertArrayEquals(new float[] {1, 0}, v.features("large effusion"));
        assertArrayEquals(new float[] {1, 1}, v.features("No effusion seen"));
    }

    @Test
    void forestSoftTargetsAreTheAveragedTreeVotes() {
        TrainContext ctx = TinyData.context(new MammoTabularDataset(), Map.of(), new MmpkdTeacher(), Map.of("trees", 7), 3);
        List<Sample> train = ctx.splits().labelledTrain();
        ForestTeacher forest = new ForestTeacher(train, 2, 7, 3, 0.5, 5);
        for (Sample s : ctx.splits().test()) {
            double[] v = forest.votes(s);
            assertEquals(1.0, v[0] + v[1], 1e-9);
            // seven trees: every vote share is a multiple of 1/7
            assertEquals(Math.round(v[1] * 7), v[1] * 7, 1e-6);
        }
        assertTrue(forest.parameterCount() >= 7, "at least a node per tree");
    }

    @Test
    void teacherRowReadsPrivilegedDataAndIsStrong() throws Exception {
        TrainContext ctx = TinyData.context(new MammoTabularDataset(), Map.of("n_train", 60), new MmpkdTeacher(), Map.of(), 1);
        TrainedModel m = new MmpkdTeacher().train(ctx);
        assertTrue(m.usesPrivilegedAtTest());
        List<Prediction> ps = m.predict(ctx.splits().test());
        int correct = 0;
        for (int i = 0; i < ps.size(); i++) {
            double[] p = ps.get(i).probabilities();
            assertEquals(1.0, p[0] + p[1], 1e-6);
            assertNull(ps.get(i).attention());
            correct += (p[1] > 0.5 ? 1 : 0) == ctx.splits().test().get(i).label() ? 1 : 0;
        }
        assertTrue(correct >= 14, "forest on the metadata should be accurate: " + correct + "/20");
    }

    @Test
    void textDistillationLowersTheLossAndPredictsMaps() throws Exception {
        TrainContext ctx = TinyData.context(new CxrReportDataset(), Map.of(), new Mmpkd(), SMALL, 2);
        TrainedModel m = new Mmpkd().train(ctx);
        List<Double> teacher = ctx.log().curves().get("teacher_loss_fold1");
        assertTrue(teacher.get(teacher.size() - 1) < teacher.get(0), "text teacher loss falls: " + teacher);
        List<Double> loss = ctx.log().curves().get("loss");
        assertEquals(3, loss.size());
        assertTrue(loss.get(2) < loss.get(0), "student loss falls: " + loss);
        List<Prediction> ps = m.predict(ctx.splits().test());
        assertEquals(4, ps.get(0).probabilities().length);
        assertEquals(16, ps.get(0).attention().width());
        Map<?, ?> teachers = (Map<?, ?>) ctx.log().extras().get(io.kdbench.api.TrainingLog.TEACHERS);
        assertTrue(teachers.containsKey("teacher (5 out-of-fold)"), "the fold teachers' validation score: " + teachers);
        assertFalse(m.usesPrivilegedAtTest());
    }

    @Test
    void theDistillationTermAloneReachesEveryStudentParameter() {
        TrainContext ctx = TinyData.context(new MammoTabularDataset(), Map.of(), new Mmpkd(), SMALL, 4);
        List<Sample> train = ctx.splits().labelledTrain();
        float[][] soft = new ForestTeacher(train, 2, 10, 4, 0.5, 1).probabilities(train, 2);
        List<Image> images = train.stream().map(s -> s.image("image")).toList();
        VitClassifier vit = VitStudent.newStudent(ctx.params(), ctx.dataset(), images.get(0), 4);
        Map<String, INDArray> before = new HashMap<>();
        vit.graph().variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .forEach(v -> before.put(v.name(), v.getArr().dup()));
        // alpha = 1: the cross-entropy term has weight 0, so every change comes through the KD term
        vit.train(images, Targets.of(train, ctx.dataset()), soft, 1.0, 2.0, new Recipe(1, 20, 0.001, 0, 0, 0, 1), 4,
                new TrainingLog(), null);
        before.forEach((name, initial) -> assertNotEquals(initial, vit.graph().getVariable(name).getArr(),
                name + " got no gradient from the KD term"));
    }

    @Test
    void sameSeedGivesSameBits() throws Exception {
        Map<String, Object> params = new HashMap<>(SMALL);
        params.put("steps", 2);
        params.put("teacher_steps", 5);
        TrainContext a = TinyData.context(new CxrReportDataset(), Map.of(), new Mmpkd(), params, 4);
        TrainContext b = TinyData.context(new CxrReportDataset(), Map.of(), new Mmpkd(), params, 4);
        List<Prediction> pa = new Mmpkd().train(a).predict(a.splits().test());
        List<Prediction> pb = new Mmpkd().train(b).predict(b.splits().test());
        for (int i = 0; i < pa.size(); i++) {
            assertArrayEquals(pa.get(i).probabilities(), pb.get(i).probabilities(), 0.0);
            assertArrayEquals(pa.get(i).attention().data(), pb.get(i).attention().data(), 0f);
        }
    }

    @Test
    void withoutItsDistillationTermMmpkdIsTheStudentAloneBitForBit() throws Exception {
        // alpha = 0: the KD term has weight 0, so MMPKD must train and predict exactly as vit-student (the teachers it
        // still trains draw from their own seed streams and change nothing in the student)
        Map<String, Object> params = new HashMap<>(SMALL);
        params.put("steps", 4);
        params.put("teacher_steps", 3);
        params.put("alpha", 0.0);
        TrainContext kd = TinyData.context(new CxrReportDataset(), Map.of(), new Mmpkd(), params, 5);
        Map<String, Object> studentParams = new HashMap<>(params);
        studentParams.keySet().retainAll(new VitStudent().defaults().keySet());
        TrainContext alone = TinyData.context(new CxrReportDataset(), Map.of(), new VitStudent(), studentParams, 5);
        List<Prediction> pk = new Mmpkd().train(kd).predict(kd.splits().test());
        List<Prediction> pa = new VitStudent().train(alone).predict(alone.splits().test());
        assertEquals(alone.log().curves().get("loss"), kd.log().curves().get("loss"));
        for (int i = 0; i < pa.size(); i++) {
            assertArrayEquals(pa.get(i).probabilities(), pk.get(i).probabilities(), 0.0);
        }
        // and with the term on, the same student ends elsewhere: the equality above is the KD term's doing
        params.put("alpha", 0.5);
        TrainContext on = TinyData.context(new CxrReportDataset(), Map.of(), new Mmpkd(), params, 5);
        List<Prediction> po = new Mmpkd().train(on).predict(on.splits().test());
        assertNotEquals(alone.log().curves().get("loss"), on.log().curves().get("loss"));
        assertFalse(java.util.Arrays.equals(pa.get(0).probabilities(), po.get(0).probabilities()));
    }

    @Test
    void refusesDatasetsWithoutAPrivilegedTextOrTable() {
        var info = new RgbdIncompleteDataset().info(io.kdbench.api.Params.defaultsOf(new RgbdIncompleteDataset()));
        assertFalse(new Mmpkd().supports(info).ok());
        assertFalse(new MmpkdTeacher().supports(info).ok());
    }
}
