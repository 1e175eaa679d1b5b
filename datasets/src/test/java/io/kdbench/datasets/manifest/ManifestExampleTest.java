package io.kdbench.datasets.manifest;

import io.kdbench.api.Params;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed example under examples/manifest goes through splits() with the example experiment's params. */
class ManifestExampleTest {
    static final Path EXAMPLE = Path.of("..", "examples", "manifest", "manifest.csv"); // tests run in datasets/

    @TempDir
    Path dir;

    static Params exampleParams(Path csv) {
        Map<String, Object> p = new LinkedHashMap<>(); // as in experiments/manifest-example.yaml
        p.put("path", csv.toString());
        p.put("classes", List.of("benign", "malignant"));
        p.put("tabular", List.of("age", "density"));
        p.put("text", "report");
        p.put("privileged", List.of("text", "tabular"));
        p.put("size", List.of("16", "16"));
        p.put("normalise", "percentile");
        p.put("val_fraction", 0.25);
        p.put("test_fraction", 0.0);
        p.put("clients", "site");
        return Params.of(ManifestSettings.defaults(), p);
    }

    @Test
    void theCommittedExampleSplits() {
        ManifestDataset ds = new ManifestDataset();
        Params p = exampleParams(EXAMPLE);
        ds.validate(p);
        Splits s = ds.splits(p, 1);
        assertEquals(List.of("case00", "case01", "case02", "case03"), s.test().stream().map(Sample::id).toList());
        assertEquals(3, s.validation().size()); // 12 open rows: 9 train, 3 validation
        assertEquals(9, s.train().size());
        for (Sample x : s.train()) {
            assertEquals(16, x.image("image").width());
            assertArrayEquals01(x);
            assertTrue(x.client().startsWith("clinic-"));
            assertEquals(2, x.tabular().length);
        }
    }

    private static void assertArrayEquals01(Sample x) {
        for (float v : x.image("image").data()) {
            assertTrue(v >= 0 && v <= 1, x.id() + " " + v);
        }
        assertEquals(0.1, x.image("image").spacing()[2], 1e-6, x.id()); // NIfTI stores float32
    }

    /** {@code mvn -o -q test -pl harness,datasets -Dtest=ManifestExampleTest -Dkdbench.writeExample=true} rewrites it. */
    @Test
    @EnabledIfSystemProperty(named = "kdbench.writeExample", matches = "true")
    void rewriteTheExample() throws IOException {
        ExampleManifestWriter.write(EXAMPLE.getParent());
    }

    @Test
    void theCommittedCsvIsWhatTheWriterMakes() throws IOException {
        List<String> lines = ExampleManifestWriter.write(dir);
        assertEquals(lines, Files.readAllLines(EXAMPLE));
        new ManifestDataset().validate(exampleParams(dir.resolve("manifest.csv")));
    }
}
