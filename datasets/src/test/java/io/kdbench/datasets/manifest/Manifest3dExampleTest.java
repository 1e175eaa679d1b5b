package io.kdbench.datasets.manifest;

import io.kdbench.api.Params;
import io.kdbench.data.Image;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed 3-D example under examples/manifest3d: what the writer makes, and how it loads with the defaults. */
class Manifest3dExampleTest {
    static final Path EXAMPLE = Path.of("..", "examples", "manifest3d", "manifest.csv"); // tests run in datasets/

    @TempDir
    Path dir;

    static Params exampleParams(Path csv) {
        Map<String, Object> p = new LinkedHashMap<>(); // as in experiments/manifest3d-example.yaml
        p.put("path", csv.toString());
        p.put("task", "segmentation-3d");
        p.put("classes", List.of("background", "lesion"));
        p.put("val_fraction", 0.25);
        p.put("test_fraction", 0.0);
        return Params.of(ManifestSettings.defaults(), p);
    }

    /** {@code mvn -o -q test -pl harness,datasets -am -Dtest=Manifest3dExampleTest -Dkdbench.writeExample=true ...}. */
    @Test
    @EnabledIfSystemProperty(named = "kdbench.writeExample", matches = "true")
    void rewriteTheExample() throws IOException {
        Manifest3dExampleWriter.write(EXAMPLE.getParent());
    }

    @Test
    void theCommittedFilesAreWhatTheWriterMakes() throws IOException {
        List<String> lines = Manifest3dExampleWriter.write(dir);
        assertEquals(lines, Files.readAllLines(EXAMPLE));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path committed = EXAMPLE.getParent().resolve(dir.relativize(p).toString());
                assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(committed), committed.toString());
            }
        }
    }

    /** The example's defaults: raw scanner units in the files, z-scored volumes in the samples, masks 0.1 % to 3 %. */
    @Test
    void theExampleLoadsZScoredWithASmallForeground() {
        ManifestDataset ds = new ManifestDataset();
        Params p = exampleParams(EXAMPLE);
        ds.validate(p);
        Splits s = ds.splits(p, 1);
        assertEquals(4, s.test().size());
        assertEquals(3, s.validation().size());
        assertEquals(9, s.train().size());
        for (Sample x : s.train()) {
            Image im = x.image("image");
            assertEquals(Manifest3dExampleWriter.D, im.depth());
            assertArrayEquals(new double[] {3, 1, 1}, im.spacing(), 1e-6);
            double sum = 0, sq = 0;
            for (float v : im.data()) {
                sum += v;
                sq += v * v;
            }
            double mean = sum / im.voxels();
            assertEquals(0, mean, 1e-4, x.id());
            assertEquals(1, Math.sqrt(sq / im.voxels() - mean * mean), 1e-3, x.id());
            int fg = 0;
            for (byte b : x.mask().labels()) {
                fg += b;
            }
            double share = fg / (double) x.mask().size();
            assertTrue(share > 0.001 && share < 0.03, x.id() + " foreground " + share);
        }
    }
}
