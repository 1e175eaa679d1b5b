package io.kdbench.datasets.manifest;

import io.kdbench.api.Params;
import io.kdbench.api.Task;
import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Sample;
import io.kdbench.datasets.transform.IntensityNormalisation;
import io.kdbench.io.NiftiFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The defaults a 3-D segmentation manifest gets: z-scored volumes (normalise: auto) and a rare-foreground flag. */
class ManifestVolumeDefaultsTest {
    @TempDir
    Path dir;

    /** Six 2x2x2 int16 volumes of values 1000 + gain * k, k = 0..7, with a one-voxel label at k = 7. */
    private Path volumes() throws IOException {
        List<String> lines = new ArrayList<>(List.of("id,image,mask,split"));
        for (int i = 0; i < 6; i++) {
            float[] v = new float[8];
            for (int k = 0; k < 8; k++) {
                v[k] = 1000 + (i + 1) * k;
            }
            byte[] labels = new byte[8];
            labels[7] = 1;
            NiftiFile.writeInt16(dir.resolve("v" + i + ".nii.gz"), new Image(v, 1, 2, 2, 2, new double[] {3, 1, 1}));
            NiftiFile.write(dir.resolve("m" + i + ".nii.gz"), new LabelMap(labels, 2, 2, 2, new double[] {3, 1, 1}));
            lines.add("v" + i + ",v" + i + ".nii.gz,m" + i + ".nii.gz," + (i < 4 ? "train" : i == 4 ? "validation" : "test"));
        }
        return new ManifestFixture(dir).csv("manifest.csv", lines);
    }

    private static Params params(Path csv, Object... keyValues) {
        Map<String, Object> o = new java.util.LinkedHashMap<>();
        o.put("path", csv.toString());
        o.put("task", "segmentation-3d");
        o.put("classes", List.of("background", "lesion"));
        for (int i = 0; i < keyValues.length; i += 2) {
            o.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Params.of(ManifestSettings.defaults(), o);
    }

    @Test
    void autoIsZScoreForVolumesOnlyAndBadNamesListIt() throws IOException {
        assertEquals("auto", ManifestSettings.defaults().get("normalise"));
        assertEquals(IntensityNormalisation.ZSCORE, ManifestSettings.normalisation("auto", Task.SEGMENTATION_3D));
        for (Task t : List.of(Task.SEGMENTATION_2D, Task.CLASSIFICATION, Task.MULTILABEL_CLASSIFICATION)) {
            assertEquals(IntensityNormalisation.NONE, ManifestSettings.normalisation("auto", t), t.toString());
        }
        assertEquals(IntensityNormalisation.PERCENTILE, ManifestSettings.normalisation("percentile", Task.SEGMENTATION_3D));
        // refused by the declared range when the settings are read, before a name is resolved
        Params bad = params(volumes(), "normalise", "z-score");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ManifestSettings.of(bad));
        assertTrue(e.getMessage().contains("normalise") && e.getMessage().contains("auto")
                && e.getMessage().contains("zscore") && e.getMessage().contains("z-score"), e.getMessage());
    }

    /** Stored 1000 + g k: mean 1000 + 3.5 g, sd g sqrt(5.25); every volume comes out as (k - 3.5) / sqrt(5.25). */
    @Test
    void volumesInScannerUnitsComeOutZScoredWithKnownValues() throws IOException {
        Path csv = volumes();
        ManifestDataset ds = new ManifestDataset();
        Params p = params(csv);
        ds.validate(p);
        List<Sample> all = new ArrayList<>(ds.splits(p, 1).train());
        all.addAll(ds.splits(p, 1).test());
        assertEquals(5, all.size());
        for (Sample s : all) {
            float[] v = s.image("image").data();
            for (int k = 0; k < 8; k++) {
                assertEquals((k - 3.5) / Math.sqrt(5.25), v[k], 1e-5, s.id() + " voxel " + k);
            }
            assertEquals(1, s.mask().label(7));
        }
        // an explicit normalise wins: none keeps the scanner units
        Sample raw = ds.splits(params(csv, "normalise", "none"), 1).test().get(0);
        assertEquals(1000 + 6 * 7, raw.image("image").data()[7], 1e-3);
    }

    @Test
    void segmentationManifestsSayTheirForegroundIsRare() throws IOException {
        Path csv = volumes();
        assertTrue(new ManifestDataset().info(params(csv)).rareForeground());
        ManifestFixture f = new ManifestFixture(java.nio.file.Files.createDirectories(dir.resolve("cls")));
        Path cls = f.csv("m.csv", f.classificationRows(8));
        assertFalse(new ManifestDataset().info(ManifestFixture.params(cls)).rareForeground());
    }
}
