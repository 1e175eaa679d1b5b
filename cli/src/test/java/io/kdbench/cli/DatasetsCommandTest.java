package io.kdbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetsCommandTest {
    private static int run(String... args) {
        return new CommandLine(new DatasetsCommand()).execute(args);
    }

    @Test
    void showWritesImagesMaskOverlaysAndReportText(@TempDir Path dir) throws Exception {
        assertEquals(0, run("show", "cxr-report", "--seed", "3", "--out", dir.toString(), "--count", "2",
                "--param", "n_train=10", "--param", "n_val=2", "--param", "n_test=4"));
        try (var files = Files.list(dir)) {
            var names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(6, names.size(), names.toString()); // per sample: image, image_mask, txt
            assertTrue(names.stream().anyMatch(n -> n.endsWith("_image_mask.png")));
            String txt = Files.readString(dir.resolve(names.stream().filter(n -> n.endsWith(".txt")).findFirst().orElseThrow()));
            assertTrue(txt.contains("report: "), txt);
        }
    }

    @Test
    void showSlicesVolumes(@TempDir Path dir) throws Exception {
        assertEquals(0, run("show", "knee-mr-federated", "--out", dir.toString(), "--count", "1",
                "--param", "n_repository=1", "--param", "unlabelled_per_client=0", "--param", "clients=1"));
        assertTrue(Files.exists(dir.resolve("knee-mr-federated-repo-000_image_x_mask.png")));
    }

    @Test
    void badInputExitsWithTwoAndWritesNothing(@TempDir Path dir) {
        Path out = dir.resolve("out");
        assertEquals(2, run("show", "no-such-dataset", "--out", out.toString()));
        assertEquals(2, run("show", "fetal-us", "--out", out.toString(), "--param", "colour=red"));
        assertEquals(2, run("show", "fetal-us", "--out", out.toString(), "--param", "size=big"));
        assertEquals(2, run("show", "fetal-us", "--out", out.toString(), "--param", "labelled_fraction=2.0"));
        assertFalse(Files.exists(out));
    }
}
