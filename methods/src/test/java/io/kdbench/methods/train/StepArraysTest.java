package io.kdbench.methods.train;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SessionMemMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reuse of a step's arrays by the next step, and a Fitter that computes the bits of plain SameDiff gradients. */
class StepArraysTest {

    @Test
    void theNextStepGetsTheSameArraysBackAndUnusedOnesAreFreed() {
        StepArrays arrays = new StepArrays();
        INDArray a = arrays.allocate(false, DataType.FLOAT, 2, 3);
        INDArray other = arrays.allocate(false, DataType.FLOAT, 4);
        arrays.recycle();
        // step 2: the [2, 3] array again, a second one within the step is new; the [4] one is not asked for
        assertSame(a, arrays.allocate(false, DataType.FLOAT, 2, 3));
        INDArray b = arrays.allocate(false, DataType.FLOAT, 2, 3);
        assertNotSame(a, b);
        assertNotSame(a, arrays.allocate(false, DataType.DOUBLE, 2, 3));
        arrays.recycle();
        assertTrue(other.wasClosed(), "freed after a step without use");
        assertFalse(a.wasClosed() || b.wasClosed());
        // step 3 uses nothing: both [2, 3] arrays are freed when it ends
        arrays.recycle();
        assertTrue(a.wasClosed() && b.wasClosed());
    }

    @Test
    void theSessionKeepsItsOwnManagerOutsideAStep() {
        SameDiff sd = graph();
        Fitter fitter = new Fitter(sd, "loss", new Recipe(3, 4, 0.01, 0.01, 0, 1, 3));
        fitter.step(batch(1));
        SameDiff grad = sd.getFunction("grad");
        SessionMemMgr own = grad.getSessions().get(Thread.currentThread().getId()).getMmgr();
        assertFalse(own instanceof StepArrays);
        fitter.step(batch(2));
        assertSame(own, grad.getSessions().get(Thread.currentThread().getId()).getMmgr());
    }

    @Test
    void fitterStepsGiveTheBitsOfPlainSameDiffGradients() {
        Recipe recipe = new Recipe(8, 4, 0.05, 0.01, 0.25, 0.5, 8);
        SameDiff reused = graph();
        Fitter fitter = new Fitter(reused, "loss", recipe);
        SameDiff plain = graph();
        plain.setLossVariables("loss");
        plain.createGradFunction();
        List<String> names = List.of("w", "b");
        List<INDArray> parameters = new ArrayList<>();
        for (String n : names) {
            parameters.add(plain.getVariable(n).getArr());
        }
        AdamW adam = new AdamW(parameters);
        for (int s = 0; s < recipe.steps(); s++) {
            Map<String, INDArray> batch = batch(s);
            double loss = fitter.step(batch);
            var result = plain.calculateGradientsAndOutputs(batch, List.of("loss"), names);
            List<INDArray> grads = new ArrayList<>();
            for (String n : names) {
                grads.add(result.getGradients().get(n));
            }
            adam.step(parameters, grads, recipe.schedule().at(s), recipe.weightDecay(), recipe.clipNorm());
            assertEquals(Double.doubleToLongBits(result.getOutputs().get("loss").getDouble(0)),
                    Double.doubleToLongBits(loss), "loss of step " + s);
        }
        for (String n : names) {
            assertArrayEquals(plain.getVariable(n).getArr().data().asFloat(),
                    reused.getVariable(n).getArr().data().asFloat(), n);
        }
    }

    /** tanh(x W + b) against targets, mean squared error. */
    private static SameDiff graph() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 3);
        SDVariable y = sd.placeHolder("y", DataType.FLOAT, -1, 2);
        SDVariable w = sd.var("w", Nd4j.createFromArray(new float[][] {{0.1f, -0.2f}, {0.3f, 0.05f}, {-0.4f, 0.2f}}));
        SDVariable b = sd.var("b", Nd4j.createFromArray(0.01f, -0.02f));
        SDVariable out = sd.math.tanh(x.mmul(w).add(b));
        out.sub(y).mul(out.sub(y)).mean().rename("loss");
        return sd;
    }

    private static Map<String, INDArray> batch(int seed) {
        float[] x = new float[12];
        float[] y = new float[8];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(seed * 7 + i);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) Math.cos(seed * 3 + i) / 2;
        }
        return Map.of("x", Nd4j.create(x, new long[] {4, 3}, 'c'), "y", Nd4j.create(y, new long[] {4, 2}, 'c'));
    }
}
