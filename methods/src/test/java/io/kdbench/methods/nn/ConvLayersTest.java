package io.kdbench.methods.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConvLayersTest {

    private static void checkShapesAndGradients(boolean threeD) {
        SameDiff sd = SameDiff.create();
        Init init = new Init(1);
        ConvLayers conv = new ConvLayers(new Layers(sd, init), init);
        long[] inShape = threeD ? new long[] {2, 1, 8, 8, 8} : new long[] {2, 1, 8, 8};
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, inShape);
        SDVariable h = conv.pool(conv.block("b", x, 1, 4, threeD), threeD);
        SDVariable out = conv.globalAverage(h, threeD);
        out.sum().rename("loss");
        sd.setLossVariables("loss");
        INDArray input = Nd4j.rand(DataType.FLOAT, inShape);
        Map<String, INDArray> result = sd.output(Map.of("x", input), h.name(), out.name());
        long[] expected = threeD ? new long[] {2, 4, 4, 4, 4} : new long[] {2, 4, 4, 4};
        assertArrayEquals(expected, result.get(h.name()).shape());
        assertArrayEquals(new long[] {2, 4}, result.get(out.name()).shape());
        Map<String, INDArray> grads = sd.calculateGradients(Map.of("x", input), "b_c1_W");
        assertTrue(grads.get("b_c1_W").norm2Number().doubleValue() > 0, "gradient reaches the first conv");
    }

    @Test
    void conv2dBlockPoolsAndBackpropagates() {
        checkShapesAndGradients(false);
    }

    @Test
    void conv3dBlockPoolsAndBackpropagates() {
        checkShapesAndGradients(true);
    }

    @Test
    void emaFollowsItsFormula() {
        SameDiff sd = SameDiff.create();
        sd.var("s", Nd4j.createFromArray(1f, 2f));
        sd.var("t", Nd4j.createFromArray(3f, 5f));
        Ema ema = new Ema(sd, sd, Map.of("s", "t"));
        ema.update(0.9);
        assertArrayEquals(new float[] {0.9f * 3 + 0.1f, 0.9f * 5 + 0.2f}, sd.getVariable("t").getArr().toFloatVector(), 1e-6f);
        // a scheduled decay (dual KD's teacher): the same object, another decay
        ema.update(0.25);
        assertArrayEquals(new float[] {0.25f * (0.9f * 3 + 0.1f) + 0.75f, 0.25f * (0.9f * 5 + 0.2f) + 1.5f},
                sd.getVariable("t").getArr().toFloatVector(), 1e-6f);
        ema.copy();
        assertEquals(1f, sd.getVariable("t").getArr().getFloat(0));
        // a decay outside [0, 1] is refused, the teacher untouched
        assertThrows(IllegalArgumentException.class, () -> ema.update(1.5));
        assertThrows(IllegalArgumentException.class, () -> ema.update(Double.NaN));
        assertArrayEquals(new float[] {1f, 2f}, sd.getVariable("t").getArr().toFloatVector(), 0f);
        sd.getVariable("t").getArr().assign(Nd4j.createFromArray(3f, 5f));
        ema.update(0.5);
        assertArrayEquals(new float[] {2f, 3.5f}, sd.getVariable("t").getArr().toFloatVector(), 1e-6f);
    }
}
