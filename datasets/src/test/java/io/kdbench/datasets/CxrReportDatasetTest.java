package io.kdbench.datasets;

import io.kdbench.api.Params;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;
import io.kdbench.datasets.synthetic.CxrReportDataset;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CxrReportDatasetTest {
    private final CxrReportDataset dataset = new CxrReportDataset();

    @Test
    void reportIsMoreInformativeThanTheImage() {
        Splits s = dataset.splits(Params.defaultsOf(dataset), 7);
        double[] image = new double[4], text = new double[4];
        for (int k = 0; k < 4; k++) {
            int kk = k;
            image[k] = auroc(s.train(), s.test(), kk, x -> SimpleModels.pixels(x.image("image"), 12));
            text[k] = auroc(s.train(), s.test(), kk, x -> SimpleModels.words(x.text(), 512));
        }
        double meanImage = java.util.Arrays.stream(image).average().orElseThrow();
        double meanText = java.util.Arrays.stream(text).average().orElseThrow();
        System.out.printf("cxr-report AUROC per finding image=%s text=%s mean image=%.3f text=%.3f%n",
                java.util.Arrays.toString(image), java.util.Arrays.toString(text), meanImage, meanText);
        assertTrue(meanText > 0.9, "text AUROC " + meanText);
        assertTrue(meanText > meanImage + 0.1, "text " + meanText + " vs image " + meanImage);
        assertTrue(meanImage > 0.55, "the image should still carry some signal: " + meanImage);
    }

    private static double auroc(List<Sample> train, List<Sample> test, int k,
                                java.util.function.Function<Sample, double[]> features) {
        double[][] xtr = train.stream().map(features).toArray(double[][]::new);
        int[] ytr = train.stream().mapToInt(x -> (int) x.targets()[k]).toArray();
        double[][] xte = test.stream().map(features).toArray(double[][]::new);
        int[] yte = test.stream().mapToInt(x -> (int) x.targets()[k]).toArray();
        return SimpleModels.auroc(SimpleModels.binaryScores(xtr, ytr, xte), yte);
    }
}
