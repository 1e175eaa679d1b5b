package io.kdbench.run;

import io.kdbench.api.AttributeTask;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Modality;
import io.kdbench.api.Task;
import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;
import io.kdbench.env.Environment;
import io.kdbench.registry.Registries;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import io.kdbench.store.RunSpec;
import io.kdbench.testing.PeekingMethod;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A method never sees test labels, targets or masks, while training or predicting; privileged inputs only if it declares it reads them. */
class HiddenTestLabelsTest {
    private static final DatasetInfo INFO = new DatasetInfo("peek-data", Task.CLASSIFICATION, List.of("a", "b"), List.of(
            new Modality("image", Modality.Kind.IMAGE, false), new Modality("depth", Modality.Kind.IMAGE, true),
            new Modality("text", Modality.Kind.TEXT, true), new Modality("tabular", Modality.Kind.TABULAR, true)), false)
            .withAttributes(List.of(new AttributeTask("kind", 0, 2)));

    private final Registries registries = Registries.load();
    private final Environment env = new Environment("test", "abc", false, "17", "linux", "cpu", 2, "none",
            Map.of(), Map.of(), "code0");

    private static List<Sample> samples(String prefix, int n) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            Image image = Image.of2d(new float[] {label}, 1, 1, 1);
            out.add(Sample.of(prefix + i, Map.of("image", image, "depth", image))
                    .withLabel(label).withTargets(new float[] {label})
                    .withMask(LabelMap.of2d(new byte[] {(byte) label}, 1, 1))
                    .withText("report " + label).withTabular(new double[] {label}).withClient("site-1"));
        }
        return out;
    }

    private CellRecord run(boolean upperBound) {
        PeekingMethod.PREDICTED.clear();
        Splits splits = new Splits(samples("train-", 20), samples("val-", 10), samples("test-", 20), List.of());
        RunSpec spec = new RunSpec("peeking-method", "peeking-method", Map.of("upper_bound", upperBound), "peek-data",
                "peek-data", Map.of(), 1, List.of("auroc", "accuracy[tasks]"), "nan");
        CellRecord cell = new CellRunner(registries, env, null, "test").run("h", spec, INFO, splits, 0);
        assertEquals(CellStatus.OK, cell.status(), cell.reason());
        assertEquals(0, splits.test().get(0).label(), "the harness strips copies; the split itself is untouched");
        return cell;
    }

    private static List<Sample> testCasesPredicted() {
        return PeekingMethod.PREDICTED.stream().filter(l -> !l.isEmpty() && l.get(0).id().startsWith("test-"))
                .findFirst().orElseThrow();
    }

    private static void assertNoAnswers(List<Sample> seen) {
        assertEquals(20, seen.size());
        for (Sample s : seen) {
            assertEquals(-1, s.label(), s.id());
            assertNull(s.targets(), s.id());
            assertNull(s.mask(), s.id());
            assertEquals("site-1", s.client(), "the client is an input");
        }
    }

    @Test
    void aMethodThatPeeksAtTestLabelsGetsNoneAndScoresAsChance() {
        CellRecord cell = run(false);
        for (List<Sample> seen : List.of(PeekingMethod.testSeenInTraining, testCasesPredicted())) {
            assertNoAnswers(seen);
            for (Sample s : seen) {
                assertEquals(Set.of("image"), s.images().keySet(), "no privileged image");
                assertNull(s.text());
                assertNull(s.tabular());
            }
        }
        // with the labels it would score 1.0; without them its constant answers score chance
        assertEquals(0.5, cell.metrics().get("auroc").overall(), 0.0);
        // the attribute task too: scored against the originals' tabular values, which it never saw (value 0: half right)
        assertEquals(0.5, cell.metrics().get("accuracy[tasks]").aggregate().get("kind").value(), 0.0);
    }

    @Test
    void anUpperBoundSeesPrivilegedInputsAtTestButNoLabels() {
        CellRecord cell = run(true);
        List<Sample> atTest = testCasesPredicted();
        assertNoAnswers(atTest);
        for (Sample s : atTest) {
            assertEquals(Set.of("image", "depth"), s.images().keySet());
            assertNotNull(s.text());
            assertNotNull(s.tabular());
        }
        assertNoAnswers(PeekingMethod.testSeenInTraining);
        assertNull(PeekingMethod.testSeenInTraining.get(0).text(), "training sees no privileged test input");
        assertEquals(0.5, cell.metrics().get("auroc").overall(), 0.0);
        // an upper bound reads the privileged tabular data at test: its attribute answers are then right
        assertEquals(1.0, cell.metrics().get("accuracy[tasks]").aggregate().get("kind").value(), 0.0);
        assertEquals(0.75, cell.metrics().get("accuracy[tasks]").overall(), 0.0);
    }
}
