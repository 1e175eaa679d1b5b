package io.kdbench.cli;

import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.io.NiftiFile;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import io.kdbench.store.ResultsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 3-D NIfTI segmentation manifest end to end through {@code kdbench run} with seg-supervised's defaults (a short
 * budget): int16 volumes in scanner units (offset 1000, gains differing per case), 3 mm slices, a lesion of about
 * 2 % of the voxels; the cell is stored, the dataset's normalise default is recorded as auto and the loss falls.
 */
class Manifest3dRunTest {
    static final int D = 4, H = 16, W = 16;

    @TempDir
    Path dir;

    private Path manifest() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        SplittableRandom rng = new SplittableRandom(7);
        List<String> lines = new ArrayList<>(List.of("id,image,mask,split"));
        for (int i = 0; i < 10; i++) {
            double gain = 0.7 + 0.6 * rng.nextDouble();
            int cz = 1 + rng.nextInt(2), cy = 4 + rng.nextInt(8), cx = 4 + rng.nextInt(8);
            float[] v = new float[D * H * W];
            byte[] labels = new byte[v.length];
            for (int z = 0; z < D; z++) {
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        int k = (z * H + y) * W + x;
                        boolean in = Math.abs(z - cz) <= 0 && Math.abs(y - cy) <= 1 && Math.abs(x - cx) <= 2;
                        labels[k] = (byte) (in ? 1 : 0);
                        v[k] = (float) (1000 + gain * ((in ? 450 : 300) + 30 * rng.nextGaussian()));
                    }
                }
            }
            double[] spacing = {3, 1, 1};
            NiftiFile.writeInt16(data.resolve("img" + i + ".nii.gz"), new Image(v, 1, D, H, W, spacing));
            NiftiFile.write(data.resolve("lab" + i + ".nii.gz"), new LabelMap(labels, D, H, W, spacing));
            lines.add("c" + i + ",img" + i + ".nii.gz,lab" + i + ".nii.gz," + (i < 2 ? "test" : i < 4 ? "validation" : ""));
        }
        Path csv = data.resolve("manifest.csv");
        Files.write(csv, lines);
        return csv;
    }

    @Test
    void segSupervisedLearnsAVolumeManifestWithItsDefaults() throws IOException {
        Path csv = manifest();
        Path experiment = dir.resolve("m3d.yaml");
        Files.writeString(experiment, String.join("\n",
                "name: m3d",
                "output: " + dir.resolve("out"),
                "seeds: [1]",
                "metrics: [dice]",
                "methods:",
                "  - id: seg-supervised",
                "    params: {steps: 24, validate_every: 8}",
                "datasets:",
                "  - id: manifest",
                "    params:",
                "      path: " + csv,
                "      task: segmentation-3d",
                "      classes: [background, lesion]",
                "      val_fraction: 0.0",
                "      test_fraction: 0.0",
                ""));
        assertEquals(0, Main.execute("run", "--quiet", "--jobs", "1", experiment.toString()));
        Path cellFile;
        try (Stream<Path> files = Files.list(dir.resolve("out/cells"))) {
            cellFile = files.findFirst().orElseThrow();
        }
        CellRecord c = ResultsStore.read(cellFile);
        assertEquals(CellStatus.OK, c.status(), c.reason());
        assertEquals("auto", c.spec().datasetParams().get("normalise"));
        List<Double> loss = c.curves().get("loss");
        assertTrue(loss.size() >= 2, loss.toString());
        assertTrue(loss.get(loss.size() - 1) < 0.7 * loss.get(0), "the loss must fall: " + loss);
    }
}
