package io.kdbench.methods.train;

import io.kdbench.api.Params;
import io.kdbench.api.TrainingLog;
import io.kdbench.data.Image;
import io.kdbench.data.Splits;
import io.kdbench.datasets.toy.ToyBlobsDataset;
import io.kdbench.methods.nn.Patches;
import io.kdbench.methods.nn.VisionTransformer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VitClassifierTest {
    private static final VisionTransformer.Config CONFIG = new VisionTransformer.Config(4, 16, 2, 2, 2);

    private static Splits toyData() {
        ToyBlobsDataset ds = new ToyBlobsDataset();
        Params p = Params.of(ds.defaults(), Map.of("size", 16, "n_train", 48, "n_val", 4, "n_test", 8));
        return ds.splits(p, 7);
    }

    private static VitClassifier trained(Splits data, TrainingLog log) {
        List<Image> images = data.train().stream().map(s -> s.image("image")).toList();
        VitClassifier vit = new VitClassifier(CONFIG, 1, 16, 16, 2, false, 11);
        vit.train(images, Targets.of(data.train(), new ToyBlobsDataset().info(null)), null, 0, 1,
                new Recipe(18, 16, 0.003, 0, 0.05, 1.0, 3), 11, log, null);
        return vit;
    }

    @Test
    void trainingLowersTheLossAndOutputsAreProbabilities() {
        Splits data = toyData();
        TrainingLog log = new TrainingLog();
        VitClassifier vit = trained(data, log);
        List<Double> curve = log.curves().get("loss");
        assertEquals(6, curve.size());
        assertTrue(curve.get(5) < curve.get(0), "loss should fall: " + curve);

        List<Image> test = data.test().stream().map(s -> s.image("image")).toList();
        VitClassifier.Output out = vit.predict(test, 4, VitClassifier.AttentionReadout.ROLLOUT);
        assertEquals(test.size(), out.probabilities().length);
        for (double[] p : out.probabilities()) {
            assertEquals(2, p.length);
            assertEquals(1.0, p[0] + p[1], 1e-5);
            assertTrue(p[0] >= 0 && p[1] >= 0);
        }
        Image map = out.attention().get(0);
        assertEquals(16, map.height());
        assertEquals(16, map.width());
    }

    @Test
    void everyAttentionRowSumsToOne() {
        Splits data = toyData();
        VitClassifier vit = new VitClassifier(CONFIG, 1, 16, 16, 2, false, 3);
        List<Image> images = data.test().stream().map(s -> s.image("image")).toList();
        Map<String, INDArray> out = vit.graph().output(Map.of("input", vit.input(images, new int[] {0, 1, 2})),
                vit.attentionNames());
        for (String name : vit.attentionNames()) {
            INDArray att = out.get(name);
            assertArrayEquals(new long[] {3, 2, 17, 17}, att.shape());
            INDArray rowSums = att.sum(3);
            for (double s : rowSums.data().asDouble()) {
                assertEquals(1.0, s, 1e-5);
            }
        }
    }

    @Test
    void parameterCountMatchesTheArchitecture() {
        VitClassifier vit = new VitClassifier(CONFIG, 1, 16, 16, 2, false, 3);
        int d = 16, dp = 16, t = 17, m = 32, k = 2;
        long perBlock = 2 * d + 4L * (d * d + d) + 2 * d + (d * m + m) + (m * d + d);
        long expected = (dp * d + d) + (long) t * d + 2 * perBlock + 2 * d + (d * k + k);
        assertEquals(expected, vit.parameterCount());
    }

    @Test
    void sameSeedGivesSameBits() {
        Splits data = toyData();
        List<Image> test = data.test().stream().map(s -> s.image("image")).toList();
        double[][] a = trained(data, new TrainingLog()).predict(test, 8, VitClassifier.AttentionReadout.LAST_CLS).probabilities();
        double[][] b = trained(data, new TrainingLog()).predict(test, 8, VitClassifier.AttentionReadout.LAST_CLS).probabilities();
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0);
        }
    }

    @Test
    void patchesLeaveTheClsSlotZeroAndKeepPixelOrder() {
        float[] px = new float[16];
        for (int i = 0; i < 16; i++) {
            px[i] = i;
        }
        float[] out = new float[5 * 4];
        Patches.write(Image.of2d(px, 1, 4, 4), 2, out, 0);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 12, 13, 10, 11, 14, 15}, out);
    }

}
