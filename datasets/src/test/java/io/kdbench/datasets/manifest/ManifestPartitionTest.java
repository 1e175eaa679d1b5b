package io.kdbench.datasets.manifest;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Modality;
import io.kdbench.api.Params;
import io.kdbench.api.Task;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestPartitionTest {
    @TempDir
    Path dir;

    private static List<String> ids(List<Sample> samples) {
        return samples.stream().map(Sample::id).toList();
    }

    private static long count(List<Sample> samples, int label) {
        return samples.stream().filter(s -> s.label() == label).count();
    }

    @Test
    void openRowsAreSplitStratifiedBySeed() {
        Path csv = new ManifestFixture(dir).csv("m.csv", new ManifestFixture(dir).classificationRows(20));
        ManifestDataset ds = new ManifestDataset();
        Params p = ManifestFixture.params(csv);
        Splits a = ds.splits(p, 1);
        assertEquals(14, a.train().size()); // 20 * (0.7, 0.15, 0.15) by largest remainder
        assertEquals(3, a.validation().size());
        assertEquals(3, a.test().size());
        assertEquals(7, count(a.train(), 0)); // 10 per class, split within one of their share
        assertTrue(count(a.test(), 0) >= 1 && count(a.test(), 1) >= 1);
        assertEquals(ids(a.test()), ids(ds.splits(p, 1).test()));
        assertNotEquals(ids(a.train()), ids(ds.splits(p, 2).train()));
        Sample s = a.train().get(0);
        assertTrue(s.text().startsWith("finding, "));
        assertEquals(1, s.tabular().length);
        assertTrue(s.client().startsWith("s"));
        assertEquals(1, s.mask().label(0, 3, 4));
    }

    @Test
    void theSplitColumnIsHonouredAndUnlabelledRowsTrain() {
        ManifestFixture f = new ManifestFixture(dir);
        List<String> lines = new ArrayList<>(f.classificationRows(12));
        for (int r = 1; r <= 12; r++) {
            String split = r <= 2 ? "test" : r <= 4 ? "validate" : r <= 6 ? "external" : "";
            lines.set(r, lines.get(r) + split);
        }
        lines.set(12, lines.get(12).replace(",b,", ",,")); // c11 has no label
        Path csv = f.csv("m.csv", lines);
        Splits s = new ManifestDataset().splits(ManifestFixture.params(csv, "val_fraction", 0.0, "test_fraction", 0.0), 3);
        assertEquals(List.of("c0", "c1"), ids(s.test()));
        assertEquals(List.of("c2", "c3"), ids(s.validation()));
        assertEquals(List.of("c4", "c5"), ids(s.external()));
        assertEquals(List.of("c6", "c7", "c8", "c9", "c10", "c11"), ids(s.train()));
        assertFalse(s.train().get(5).labelled());
        assertEquals(5, s.labelledTrain().size());
    }

    @Test
    void labelledFractionKeepsAStratifiedShareOfTrainingLabels() {
        Path csv = new ManifestFixture(dir).csv("m.csv", new ManifestFixture(dir).classificationRows(20));
        Splits s = new ManifestDataset().splits(ManifestFixture.params(csv, "labelled_fraction", 0.25), 4);
        List<Sample> kept = s.labelledTrain();
        assertEquals(4, kept.size()); // round(14 * 0.25)
        assertTrue(count(kept, 0) >= 1 && count(kept, 1) >= 1); // strata are (site, class): both classes keep labels
        assertEquals(14, s.train().size());
        Sample pool = s.train().stream().filter(x -> !x.labelled()).findFirst().orElseThrow();
        assertEquals(-1, pool.label());
        assertEquals(null, pool.mask());
    }

    @Test
    void federatedClientsBySiteIidOrDirichlet() {
        Path csv = new ManifestFixture(dir).csv("m.csv", new ManifestFixture(dir).classificationRows(20));
        ManifestDataset ds = new ManifestDataset();

        Params site = ManifestFixture.params(csv, "clients", "site");
        assertTrue(ds.info(site).federated());
        assertEquals(Set.of("s0", "s1"), ds.splits(site, 1).train().stream().map(Sample::client).collect(Collectors.toSet()));

        Splits iid = ds.splits(ManifestFixture.params(csv, "clients", "iid", "n_clients", 2), 1);
        assertEquals(7, iid.train().stream().filter(x -> x.client().equals("client-0")).count());
        assertEquals(7, iid.train().stream().filter(x -> x.client().equals("client-1")).count());

        Splits dir = ds.splits(ManifestFixture.params(csv, "clients", "dirichlet", "n_clients", 3, "alpha", 0.1), 1);
        assertTrue(dir.train().stream().allMatch(x -> x.client().matches("client-[012]")));
        assertTrue(dir.test().stream().allMatch(x -> x.client().startsWith("s"))); // held-out rows keep their site
    }

    @Test
    void infoDescribesModalitiesWithoutReadingData() {
        Path csv = new ManifestFixture(dir).csv("m.csv", List.of("id,image,depth,label,report,age"));
        DatasetInfo info = new ManifestDataset().info(ManifestFixture.params(csv, "images", List.of("image", "depth"),
                "privileged", List.of("depth", "text")));
        assertEquals(Task.CLASSIFICATION, info.task());
        assertEquals(List.of(new Modality("image", Modality.Kind.IMAGE, false),
                new Modality("depth", Modality.Kind.IMAGE, true),
                new Modality("text", Modality.Kind.TEXT, true),
                new Modality("tabular", Modality.Kind.TABULAR, false)), info.modalities());
        assertFalse(info.federated());
    }
}
