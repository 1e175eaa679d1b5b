package io.kdbench.cli;

import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import io.kdbench.store.ResultsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MedMNIST-layout example (examples/medmnist/tinymnist.npz, written by the datasets tests' ExampleMedmnistWriter)
 * runs a method end to end from the command line, named as medmnist:PATH; each cell keeps the file's SHA-256.
 */
class MedmnistRunTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private Path experiment(Path npz) throws IOException {
        String yaml = Files.readString(Path.of("..", "experiments", "medmnist-example.yaml"))
                .replace("examples/medmnist/tinymnist.npz", npz.toString())
                .replace("name: medmnist-example", "name: medmnist-example\noutput: " + dir.resolve("out"));
        return Files.writeString(dir.resolve("medmnist-example.yaml"), yaml);
    }

    @Test
    void theExampleRunsEndToEndAndItsCellsCarryTheFilesChecksum() throws IOException, NoSuchAlgorithmException {
        Path npz = Files.copy(Path.of("..", "examples", "medmnist", "tinymnist.npz"), dir.resolve("tinymnist.npz"));
        assertEquals(0, Main.execute("run", "--quiet", experiment(npz).toString()), console.err.toString());
        List<CellRecord> cells = new ResultsStore(dir.resolve("out")).readAll();
        assertEquals(1, cells.size());
        CellRecord cell = cells.get(0);
        assertEquals(CellStatus.OK, cell.status(), cell.reason());
        assertEquals("medmnist", cell.spec().datasetId());
        assertEquals(16, cell.probabilities().size(), "one prediction per official test image");
        assertTrue(cell.probabilities().values().stream().allMatch(p -> p.length == 2), "two classes");
        assertTrue(cell.metrics().containsKey("auroc"), cell.metrics().toString());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(npz)));
        assertEquals(Map.of(npz.toString(), sha), cell.provenance().dataFiles());
    }

    @Test
    void aMalformedFileExitsTwoNamingItBeforeTheStoreIsTouched() throws IOException {
        byte[] whole = Files.readAllBytes(Path.of("..", "examples", "medmnist", "tinymnist.npz"));
        Path cut = Files.write(dir.resolve("cut.npz"), java.util.Arrays.copyOf(whole, 100));
        assertEquals(2, Main.execute("run", "--quiet", experiment(cut).toString()));
        String m = console.err.toString().trim();
        assertEquals(1, m.lines().count(), m);
        assertTrue(m.contains("bad params of medmnist: " + cut + ": "), m);
        assertFalse(Files.exists(dir.resolve("out")), "nothing may be written to the store");
    }

    @Test
    void idColonPathIsOnlyForDatasetsThatReadAFile() throws IOException {
        Path f = Files.writeString(dir.resolve("x.yaml"), Files.readString(experiment(dir.resolve("none.npz")))
                .replaceFirst("- medmnist:\\S+", "- toy-blobs:data.npz"));
        assertEquals(2, Main.execute("run", "--quiet", f.toString()));
        assertTrue(console.err.toString().contains(f + ":13: 'toy-blobs' reads no file, so 'toy-blobs:data.npz' means "
                + "nothing; write toy-blobs alone"), console.err.toString());
    }
}
