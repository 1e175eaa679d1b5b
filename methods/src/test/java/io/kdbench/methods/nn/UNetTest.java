package io.kdbench.methods.nn;

import io.kdbench.methods.train.Fitter;
import io.kdbench.methods.train.Recipe;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UNetTest {

    private static SDVariable placeholder(SameDiff sd, String name, boolean threeD) {
        return threeD ? sd.placeHolder(name, DataType.FLOAT, -1, 1, -1, -1, -1)
                : sd.placeHolder(name, DataType.FLOAT, -1, 1, -1, -1);
    }

    /**
     * Logits keep the input's spatial shape; in 2-D the normed blocks keep them moderate even on a huge input (the
     * 3-D net has no norm: see UNet.block).
     */
    private static void checkShape(boolean threeD) {
        SameDiff sd = SameDiff.create();
        UNet net = new UNet(sd, new Init(1), new UNet.Config(1, 3, 4, 2, threeD), "s");
        int dec = net.addDecoder(sd, "dec");
        UNet.Encoded e = net.encode(placeholder(sd, "x", threeD));
        SDVariable logits = net.decode(dec, e, null).logits();
        long[] shape = threeD ? new long[] {2, 1, 4, 8, 8} : new long[] {2, 1, 8, 8};
        INDArray x = Nd4j.rand(DataType.FLOAT, shape).muli(threeD ? 1 : 1000); // the norm removes the input's scale
        Map<String, INDArray> out = sd.output(Map.of("x", x), logits.name(), e.skips().get(0).name());
        long[] expected = shape.clone();
        expected[1] = 3;
        assertArrayEquals(expected, out.get(logits.name()).shape());
        double max = out.get(logits.name()).amaxNumber().doubleValue();
        assertTrue(Double.isFinite(max) && max < 50, "logits bounded, got " + max);
        if (!threeD) {
            // after group norm + leaky ReLU, the first-level features have unit-scale magnitude
            double mean = Math.abs(out.get(e.skips().get(0).name()).meanNumber().doubleValue());
            assertTrue(mean > 0.05 && mean < 2, "normed features, mean " + mean);
        }
    }

    @Test
    void twoDimensionalShapeAndRange() {
        checkShape(false);
    }

    @Test
    void threeDimensionalShapeAndRange() {
        checkShape(true);
    }

    @Test
    void supervisedLossFallsOnTinyData() {
        SameDiff sd = SameDiff.create();
        UNet net = new UNet(sd, new Init(2), new UNet.Config(1, 2, 4, 2, false), "s");
        int dec = net.addDecoder(sd, "dec");
        SDVariable x = placeholder(sd, "x", false);
        SDVariable y = sd.placeHolder("y", DataType.FLOAT, -1, 64, 2);
        SegmentationLosses.diceCe(sd, net.decode(dec, net.encode(x), null).logits(), y, 64, 2, false).rename("loss");
        // two 8 x 8 images: a bright 3 x 3 square on a dark, noisy background, the square as the foreground class
        float[] image = new float[2 * 64];
        float[] oneHot = new float[2 * 64 * 2];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 64; i++) {
                int r = i / 8, c = i % 8;
                boolean inside = r >= 2 + b && r < 5 + b && c >= 3 - b && c < 6 - b;
                image[b * 64 + i] = (inside ? 1f : 0f) + 0.1f * (float) rng.nextGaussian();
                oneHot[(b * 64 + i) * 2 + (inside ? 1 : 0)] = 1;
            }
        }
        Map<String, INDArray> batch = Map.of("x", Nd4j.create(image, new long[] {2, 1, 8, 8}, 'c'),
                "y", Nd4j.create(oneHot, new long[] {2, 64, 2}, 'c'));
        Fitter fitter = new Fitter(sd, "loss", new Recipe(40, 2, 0.01, 0, 0, 1, 40));
        double first = fitter.step(batch);
        double last = first;
        for (int s = 1; s < 40; s++) {
            last = fitter.step(batch);
        }
        assertTrue(last < 0.6 * first, "loss " + first + " -> " + last);
        assertEquals(2, net.config().classes());
    }
}
