package io.kdbench.datasets;

import io.kdbench.api.BenchmarkDataset;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Modality;
import io.kdbench.api.Params;
import io.kdbench.data.Image;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;
import io.kdbench.registry.Registry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties every synthetic dataset must have, checked on all six at their default (quick-run) size. */
class SyntheticDatasetsTest {
    static final List<String> IDS = List.of("cxr-report", "mammo-tabular", "knee-mr-federated", "fetal-us",
            "rgbd-incomplete", "skin-pairs");
    static final Map<String, Splits> FIRST = new LinkedHashMap<>();
    static Registry<BenchmarkDataset> registry;

    @BeforeAll
    static void generateAllOnce() {
        registry = Registry.load(BenchmarkDataset.class, "dataset", SyntheticDatasetsTest.class.getClassLoader());
        long start = System.nanoTime();
        for (String id : IDS) {
            long t = System.nanoTime();
            BenchmarkDataset d = registry.get(id);
            FIRST.put(id, d.splits(Params.defaultsOf(d), 11));
            System.out.printf("generated %s in %d ms%n", id, (System.nanoTime() - t) / 1_000_000);
        }
        // reported, not asserted: timing depends on the machine's load
        System.out.printf("generated all six in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void allSixAreRegisteredWithParameterDefaultsOfTheDeclaredTypes() {
        for (String id : IDS) {
            BenchmarkDataset d = registry.get(id);
            assertEquals(id, d.id());
            for (Object v : d.defaults().values()) {
                assertTrue(v instanceof Integer || v instanceof Double || v instanceof Boolean || v instanceof String,
                        id + " default " + v);
            }
        }
    }

    @Test
    void sameSeedGivesIdenticalSamplesAndAnotherSeedDifferentOnes() {
        for (String id : IDS) {
            BenchmarkDataset d = registry.get(id);
            Splits again = d.splits(Params.defaultsOf(d), 11);
            Splits first = FIRST.get(id);
            for (int part = 0; part < 4; part++) {
                List<Sample> a = parts(first).get(part), b = parts(again).get(part);
                assertEquals(a.size(), b.size(), id);
                for (int i = 0; i < a.size(); i++) {
                    assertSameSample(a.get(i), b.get(i));
                }
            }
            Splits other = d.splits(Params.defaultsOf(d), 12);
            assertNotEquals(first.test().get(0).images().values().iterator().next(),
                    other.test().get(0).images().values().iterator().next(), id);
        }
    }

    @Test
    void samplesMatchTheirDeclaredInfo() {
        for (String id : IDS) {
            BenchmarkDataset d = registry.get(id);
            DatasetInfo info = d.info(Params.defaultsOf(d));
            Splits s = FIRST.get(id);
            Set<String> ids = new HashSet<>();
            for (Sample x : all(s)) {
                assertTrue(ids.add(x.id()), "duplicate id " + x.id());
                for (Modality m : info.modalities()) {
                    switch (m.kind()) {
                        case IMAGE -> assertNotNull(x.images().get(m.name()), id + " " + m.name());
                        case TEXT -> assertNotNull(x.text(), id);
                        case TABULAR -> assertNotNull(x.tabular(), id);
                    }
                }
                for (Image im : x.images().values()) {
                    for (float v : im.data()) {
                        assertTrue(Float.isFinite(v), id + " has a non-finite pixel");
                    }
                }
                switch (info.task()) {
                    case CLASSIFICATION -> assertTrue(!x.labelled() || (x.label() >= 0 && x.label() < info.numClasses()), id);
                    case MULTILABEL_CLASSIFICATION -> assertEquals(info.numClasses(), x.targets().length, id);
                    default -> {
                        if (x.labelled()) {
                            assertNotNull(x.mask(), id + " " + x.id());
                            Image im = x.images().get("image");
                            assertEquals(im.voxels(), x.mask().size(), id);
                            assertArrayEquals(im.spacing(), x.mask().spacing(), 1e-12);
                            for (int i = 0; i < x.mask().size(); i++) {
                                assertTrue(x.mask().label(i) < info.numClasses(), id);
                            }
                        } else {
                            assertNull(x.mask(), "unlabelled pool must not carry masks: " + x.id());
                        }
                    }
                }
            }
        }
    }

    @Test
    void classesAreBalancedAndStratifiedOverTheSplits() {
        for (String id : List.of("mammo-tabular", "skin-pairs", "rgbd-incomplete")) {
            BenchmarkDataset d = registry.get(id);
            Params p = Params.defaultsOf(d);
            if (id.equals("rgbd-incomplete")) {
                p = p.with("task", "classification");
            }
            int k = d.info(p).numClasses();
            Splits s = id.equals("rgbd-incomplete") ? d.splits(p, 11) : FIRST.get(id);
            for (List<Sample> part : List.of(s.train(), s.validation(), s.test())) {
                int[] counts = new int[k];
                part.forEach(x -> counts[x.label()]++);
                int min = Arrays.stream(counts).min().orElseThrow(), max = Arrays.stream(counts).max().orElseThrow();
                assertTrue(max - min <= 1 + part.size() / 50, id + " counts " + Arrays.toString(counts));
            }
        }
    }

    @Test
    void segmentationDatasetsShowEveryClass() {
        for (String id : List.of("fetal-us", "knee-mr-federated", "rgbd-incomplete")) {
            DatasetInfo info = registry.get(id).info(Params.defaultsOf(registry.get(id)));
            int[] seen = new int[info.numClasses()];
            for (Sample x : FIRST.get(id).test()) {
                for (int i = 0; i < x.mask().size(); i++) {
                    seen[x.mask().label(i)]++;
                }
            }
            for (int c = 0; c < seen.length; c++) {
                assertTrue(seen[c] > 0, id + " never shows class " + info.classes().get(c));
            }
        }
    }

    @Test
    void fetalUltrasoundKeepsASmallLabelledFraction() {
        Splits s = FIRST.get("fetal-us");
        long labelled = s.train().stream().filter(Sample::labelled).count();
        assertEquals(20, labelled); // 10 % of 200
        assertTrue(s.test().stream().allMatch(x -> x.labelled() && x.mask() != null));
    }

    @Test
    void kneeClientsAreLowResolutionAnisotropicAndNonIid() {
        Splits s = FIRST.get("knee-mr-federated");
        Image repo = s.external().get(0).image("image");
        assertEquals(List.of(32, 32, 32), List.of(repo.depth(), repo.height(), repo.width()));
        assertEquals(repo.spacing()[0], repo.spacing()[1], 1e-12);
        Map<String, double[]> meanByClient = new LinkedHashMap<>();
        for (Sample x : Stream.of(s.train(), s.validation(), s.test()).flatMap(List::stream).toList()) {
            assertNotNull(x.client());
            Image im = x.image("image");
            assertEquals(List.of(16, 24, 24), List.of(im.depth(), im.height(), im.width()));
            assertTrue(im.spacing()[0] > im.spacing()[1], "slices are thicker than pixels");
            double mean = 0;
            for (float v : im.data()) {
                mean += v / im.data().length;
            }
            double[] acc = meanByClient.computeIfAbsent(x.client(), c -> new double[2]);
            acc[0] += mean;
            acc[1]++;
        }
        assertEquals(Set.of("client-0", "client-1", "client-2", "client-3"), meanByClient.keySet());
        double[] means = meanByClient.values().stream().mapToDouble(a -> a[0] / a[1]).toArray();
        double spread = Arrays.stream(means).max().orElseThrow() - Arrays.stream(means).min().orElseThrow();
        assertTrue(spread > 0.02, "client intensity means should differ: " + Arrays.toString(means));
        assertEquals(8, s.labelledTrain().size());
        assertEquals(4 * (2 + 16), s.train().size());
        assertTrue(s.external().stream().allMatch(x -> x.client() == null && x.mask() != null));
    }

    /** seg-supervised's rare-foreground loss is on for the knee because every cartilage is a few percent of voxels. */
    @Test
    void kneeDeclaresARareForegroundWhoseCartilagesAreEachUnderTenPercentOfTheVoxels() {
        BenchmarkDataset knee = registry.get("knee-mr-federated");
        assertTrue(knee.info(Params.defaultsOf(knee)).rareForeground());
        long[] counts = new long[4];
        long voxels = 0;
        for (Sample x : FIRST.get("knee-mr-federated").labelledTrain()) {
            for (int i = 0; i < x.mask().size(); i++) {
                counts[x.mask().label(i)]++;
            }
            voxels += x.mask().size();
        }
        for (int k = 1; k < 4; k++) {
            double share = (double) counts[k] / voxels;
            assertTrue(share > 0.002 && share < 0.10, "cartilage " + k + " share " + share);
        }
    }

    static List<List<Sample>> parts(Splits s) {
        return List.of(s.train(), s.validation(), s.test(), s.external());
    }

    static List<Sample> all(Splits s) {
        List<Sample> all = new ArrayList<>();
        parts(s).forEach(all::addAll);
        return all;
    }

    static void assertSameSample(Sample a, Sample b) {
        assertEquals(a.id(), b.id());
        assertEquals(a.images(), b.images(), a.id());
        assertEquals(a.label(), b.label());
        assertArrayEquals(a.targets(), b.targets());
        assertEquals(a.mask(), b.mask());
        assertEquals(a.text(), b.text());
        assertArrayEquals(a.tabular(), b.tabular());
        assertEquals(a.client(), b.client());
        assertEquals(a.labelled(), b.labelled());
        assertFalse(a.images().isEmpty());
    }

    /** missing_rate: 1 (default) is today's split, depth privileged; below 1 an exact share of test cases lacks depth. */
    @Test
    void rgbdMissingRateHidesDepthOnItsShareOfTestCasesAndTheDefaultIsUnchanged() {
        var ds = new io.kdbench.datasets.synthetic.RgbdIncompleteDataset();
        Map<String, Object> base = Map.of("task", "classification", "size", 16, "n_train", 30, "n_val", 10, "n_test", 40);
        Params defaults = Params.of(ds.defaults(), base);
        Map<String, Object> zero = new LinkedHashMap<>(base);
        zero.put("missing_rate", 0.0);
        Map<String, Object> quarter = new LinkedHashMap<>(base);
        quarter.put("missing_rate", 0.25);
        Splits today = ds.splits(defaults, 3);
        Splits none = ds.splits(Params.of(ds.defaults(), zero), 3);
        Splits some = ds.splits(Params.of(ds.defaults(), quarter), 3);
        assertTrue(ds.info(defaults).modalities().stream().anyMatch(m -> m.name().equals("depth") && m.privileged()));
        assertFalse(ds.info(Params.of(ds.defaults(), zero)).modalities().stream()
                .anyMatch(m -> m.name().equals("depth") && m.privileged()), "below 1 depth is a test-time input");
        for (Splits other : List.of(none, some)) {
            List<List<Sample>> a = List.of(today.train(), today.validation(), today.test());
            List<List<Sample>> b = List.of(other.train(), other.validation(), other.test());
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < a.get(k).size(); i++) {
                    Sample x = a.get(k).get(i), y = b.get(k).get(i);
                    assertEquals(x.id(), y.id());
                    assertEquals(x.label(), y.label());
                    assertArrayEquals(x.image("image").data(), y.image("image").data(), 0f);
                    if (y.images().containsKey("depth")) {
                        assertArrayEquals(x.image("depth").data(), y.image("depth").data(), 0f);
                    }
                }
            }
        }
        assertTrue(none.test().stream().allMatch(x -> x.images().containsKey("depth")));
        assertEquals(10, some.test().stream().filter(x -> !x.images().containsKey("depth")).count());
        assertTrue(some.train().stream().allMatch(x -> x.images().containsKey("depth")), "training keeps depth");
        assertTrue(some.validation().stream().allMatch(x -> x.images().containsKey("depth")));
        Map<String, Object> bad = new LinkedHashMap<>(base);
        bad.put("missing_rate", 1.5);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ds.info(Params.of(ds.defaults(), bad)));
        assertTrue(e.getMessage().startsWith("missing_rate must be in [0, 1]"), e.getMessage());
    }

    @Test
    void everyRefusedDatasetParameterShowsItsBadValue() {
        Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
        bad.put("knee-mr-federated", Map.of("repo_size", 4));
        bad.put("fetal-us", Map.of("speckle", 2.0));
        bad.put("skin-pairs", Map.of("n_val", 0));
        bad.put("cxr-report", Map.of("omit_below", 0.5, "hedge_below", 0.3));
        bad.put("toy-blobs", Map.of("size", 4));
        List<String> expected = List.of("repo_size must be in [8, 256], got 4", "speckle must be in [0, 1], got 2.0",
                "n_val must be >= 1, got 0", "omit_below must be <= hedge_below, got 0.5 > 0.3",
                "size must be >= 8, got 4");
        List<String> messages = new ArrayList<>();
        bad.forEach((id, values) -> {
            BenchmarkDataset ds = registry.get(id);
            messages.add(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> ds.check(Params.of(ds.defaults(), values)), id).getMessage());
        });
        assertEquals(expected, messages);
    }
}
