package io.kdbench.methods.train;

import io.kdbench.methods.nn.Ema;
import io.kdbench.methods.nn.UNet;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** FedAvg, the cross-graph EMA and the knee code's less-frequent teacher update on known weights. */
class FederatedFormulasTest {

    @Test
    void fedAvgWeightsBySampleCounts() {
        Map<String, INDArray> a = Map.of("w", Nd4j.createFromArray(1f, 2f));
        Map<String, INDArray> b = Map.of("w", Nd4j.createFromArray(5f, 10f));
        Map<String, INDArray> avg = FederatedAveraging.average(List.of(a, b), new long[] {3, 1});
        assertArrayEquals(new float[] {0.75f * 1 + 0.25f * 5, 0.75f * 2 + 0.25f * 10}, avg.get("w").toFloatVector(), 1e-6f);
        assertArrayEquals(new float[] {1, 2}, a.get("w").toFloatVector(), "inputs untouched");
    }

    @Test
    void emaAcrossGraphsAndTheLessFrequentSchedule() {
        SameDiff s = SameDiff.create(), t = SameDiff.create();
        s.var("w", Nd4j.createFromArray(1f, 2f));
        t.var("w", Nd4j.createFromArray(3f, 5f));
        new Ema(s, t, Map.of("w", "w")).update(0.99);
        assertArrayEquals(new float[] {0.99f * 3 + 0.01f, 0.99f * 5 + 0.02f}, t.getVariable("w").getArr().toFloatVector(), 1e-6f);
        // update_ema_variables_less_freq with epoch 2 of 3: a = 2/3, T = (1 - a) T + a S, i.e. decay 1 - a
        t.getVariable("w").getArr().assign(Nd4j.createFromArray(3f, 5f));
        double a = Math.min(2.0 / 3, 0.99);
        new Ema(s, t, Map.of("w", "w")).update(1 - a);
        assertArrayEquals(new float[] {(float) ((1 - a) * 3 + a), (float) ((1 - a) * 5 + 2 * a)},
                t.getVariable("w").getArr().toFloatVector(), 1e-6f);
    }

    @Test
    void rampupAndTeacherCopy() {
        assertEquals(Math.exp(-5), Rampup.sigmoid(0, 10), 1e-12);
        assertEquals(Math.exp(-5 * 0.25), Rampup.sigmoid(5, 10), 1e-12);
        assertEquals(1.0, Rampup.sigmoid(20, 10), 1e-12);
        StudentGraph g = new StudentGraph(new UNet.Config(1, 2, 2, 2, false), 1);
        StudentGraph t = g.teacherCopy();
        for (String n : g.deployedVariables()) {
            assertEquals(g.sd().getVariable(n).getArr(), t.sd().getVariable(n).getArr(), n);
        }
    }
}
