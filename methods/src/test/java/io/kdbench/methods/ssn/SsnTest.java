package io.kdbench.methods.ssn;

import io.kdbench.api.AttributeTask;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Params;
import io.kdbench.api.Task;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.datasets.synthetic.CxrReportDataset;
import io.kdbench.datasets.synthetic.SkinPairsDataset;
import io.kdbench.methods.nn.Batches;
import io.kdbench.methods.testing.TinyData;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SsnTest {
    private static final Map<String, Object> SMALL = Map.of("steps", 6, "validate_every", 2, "batch_size", 20,
            "widths", List.of(4, 8), "lr", 0.01);

    private static TrainContext ctx(SsnRow row, long seed) {
        return TinyData.context(new SkinPairsDataset(), Map.of(), row, SMALL, seed);
    }

    @Test
    void biasedLossWeightsEachHeadsTaskCrossEntropies() {
        SameDiff sd = SameDiff.create();
        // two tasks of sizes 2 and 1... use 2 and 2: columns [0,1] and [2,3]
        SDVariable c = sd.constant(Nd4j.createFromArray(new float[][] {{1, 0, 0, 2}}));
        SDVariable d = sd.constant(Nd4j.createFromArray(new float[][] {{0, 3, 1, 1}}));
        SDVariable y = sd.constant(Nd4j.createFromArray(new float[][] {{0, 1, 1, 0}}));
        SDVariable loss = BiasedLoss.of(sd, List.of(c, d), new double[] {0.5, 1.0}, new int[] {2, 2}, y);
        double ceC = -Math.log(1 / (1 + Math.E)) - Math.log(1 / (1 + Math.exp(2)));
        double ceD = -Math.log(Math.exp(3) / (1 + Math.exp(3))) - Math.log(0.5);
        assertEquals(0.5 * ceC + 1.0 * ceD, sd.output(Map.<String, INDArray>of(), loss.name()).get(loss.name()).getDouble(0), 1e-5);
    }

    @Test
    void targetsHoldTheDiagnosisThenEachAttribute() {
        Sample s = Sample.of("a", Map.of()).withLabel(2).withTabular(new double[] {1, 0});
        Sample t = Sample.of("b", Map.of()).withLabel(0).withTabular(new double[] {2, 1});
        DatasetInfo undeclared = new DatasetInfo("d", Task.CLASSIFICATION, List.of("x", "y", "z"), List.of(), false);
        List<AttributeTask> tasks = SsnRow.attributeTasks(undeclared, List.of(s, t));
        assertEquals(List.of(new AttributeTask("tabular column 0", 0, 3), new AttributeTask("tabular column 1", 1, 2)),
                tasks);
        assertArrayEquals(new int[] {3, 3, 2}, SsnRow.taskSizes(3, tasks));
        assertArrayEquals(new float[] {0, 0, 1, 0, 1, 0, 1, 0}, SsnRow.targets(List.of(s, t), 3, tasks)[0]);
        assertArrayEquals(new int[] {3}, SsnRow.taskSizes(3, List.of()));
        // declared tasks win over the data: their sizes and columns, even for a value training never shows
        DatasetInfo declared = undeclared.withAttributes(List.of(new AttributeTask("second", 1, 3)));
        assertEquals(declared.attributes(), SsnRow.attributeTasks(declared, List.of(s, t)));
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0}, SsnRow.targets(List.of(s, t), 3, declared.attributes())[0]);
        Sample bad = t.withTabular(new double[] {2, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SsnRow.targets(List.of(bad), 3, declared.attributes()));
        assertTrue(e.getMessage().contains("case b: attribute 'second' is 3.0, not a value 0..2"), e.getMessage());
    }

    @Test
    void predictsEverySevenPointAttributeAsProbabilities() {
        TrainContext c = ctx(new Ssn(), 4);
        List<Prediction> predictions = new Ssn().train(c).predict(c.splits().test());
        for (Prediction p : predictions) {
            assertEquals(SkinPairsDataset.ATTRIBUTES, List.copyOf(p.attributes().keySet()));
            for (AttributeTask task : c.dataset().attributes()) {
                double[] probs = p.attributes().get(task.name());
                assertEquals(task.classes(), probs.length, task.name());
                assertEquals(1.0, Arrays.stream(probs).sum(), 1e-5, task.name());
                assertTrue(Arrays.stream(probs).allMatch(v -> v >= 0 && v <= 1), task.name());
            }
        }
        Map<String, Object> without = new java.util.HashMap<>(SMALL);
        without.put("attribute_tasks", false);
        TrainContext d = TinyData.context(new SkinPairsDataset(), Map.of(), new Ssn(), without, 4);
        assertNull(new Ssn().train(d).predict(d.splits().test()).get(0).attributes(), "no attribute heads, none predicted");
    }

    @Test
    void gradientsReachTheSharedEncoderAttentionAndEveryHead() {
        TrainContext c = ctx(new Ssn(), 1);
        List<Sample> train = c.splits().labelledTrain();
        List<AttributeTask> tasks = SsnRow.attributeTasks(c.dataset(), train);
        int[] sizes = SsnRow.taskSizes(5, tasks);
        DualViewNetwork net = new DualViewNetwork(new Ssn().config(c.params()), 3, 16, sizes, 1);
        SameDiff sd = net.graph();
        sd.setLossVariables("loss");
        Map<String, INDArray> batch = DualViewNetwork.inputs(train, new int[] {0, 1, 2, 3});
        batch.put("targets", Batches.rows(SsnRow.targets(train, 5, tasks), new int[] {0, 1, 2, 3}, false));
        String[] vars = sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name).toArray(String[]::new);
        Map<String, INDArray> grads = sd.calculateGradients(batch, vars);
        for (String v : vars) {
            assertTrue(grads.get(v).norm2Number().doubleValue() > 0, v + " gets a gradient");
        }
        assertTrue(List.of(vars).contains("sca1_q_W") && List.of(vars).contains("enc_s0_W"));
    }

    @Test
    void parameterCountsFollowTheSharing() throws Exception {
        // 2 stages (3->4->8), attention after stage 2 at width 8, 5 + 7 attribute tasks (sizes 3,2,3,3,3,3,2): 24 logits
        long encoder = (9 * 3 * 4 + 4) + (9 * 4 * 8 + 8);
        long attention = 4 * (8 * 8 + 8);
        long head = 8 * 24 + 24, fusion = 16 * 24 + 24;
        TrainContext a = ctx(new Ssn(), 2);
        TrainedModel ssn = new Ssn().train(a);
        assertEquals(encoder + attention + 2 * head + fusion, ssn.parameterCount());
        List<Double> loss = a.log().curves().get("loss");
        assertTrue(loss.get(2) < loss.get(0), "loss falls: " + loss);
        assertEquals(2 * encoder + 2 * attention + 2 * head + fusion, new SsnSeparateEncoders().train(ctx(new SsnSeparateEncoders(), 2)).parameterCount());
        assertEquals(2 * encoder + 2 * head, new SsnLateFusion().train(ctx(new SsnLateFusion(), 2)).parameterCount());
    }

    @Test
    void withoutCrossAttentionSsnLosesExactlyTheSharedAttention() throws Exception {
        Map<String, Object> params = new java.util.HashMap<>(SMALL);
        params.put("cross_attention", false);
        TrainContext c = TinyData.context(new SkinPairsDataset(), Map.of(), new Ssn(), params, 2);
        long without = new Ssn().train(c).parameterCount();
        long with = new Ssn().train(ctx(new Ssn(), 2)).parameterCount();
        assertEquals(with - 4 * (8 * 8 + 8), without, "one shared attention module (width 8) fewer");
        assertTrue(c.log().curves().get("loss").get(2) < c.log().curves().get("loss").get(0));
    }

    @Test
    void sameSeedGivesSameBitsAndProbabilitiesSumToOne() throws Exception {
        TrainContext a = ctx(new Ssn(), 3), b = ctx(new Ssn(), 3);
        List<Prediction> pa = new Ssn().train(a).predict(a.splits().test());
        List<Prediction> pb = new Ssn().train(b).predict(b.splits().test());
        for (int i = 0; i < pa.size(); i++) {
            assertArrayEquals(pa.get(i).probabilities(), pb.get(i).probabilities(), 0.0);
            assertEquals(5, pa.get(i).probabilities().length);
            assertEquals(1.0, java.util.Arrays.stream(pa.get(i).probabilities()).sum(), 1e-5);
        }
    }

    @Test
    void refusesDatasetsWithoutBothViews() {
        var ds = new CxrReportDataset();
        assertFalse(new Ssn().supports(ds.info(Params.defaultsOf(ds))).ok());
    }
}
