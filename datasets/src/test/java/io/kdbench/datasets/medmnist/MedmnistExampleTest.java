package io.kdbench.datasets.medmnist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The committed example file holds exactly the arrays its writer makes (zip headers aside: they carry times). */
class MedmnistExampleTest {
    static final Path EXAMPLE = Path.of("..", "examples", "medmnist", "tinymnist.npz");

    /** {@code mvn -o -q test -pl harness,datasets -Dtest=MedmnistExampleTest -Dkdbench.writeExample=true} rewrites it. */
    @Test
    @EnabledIfSystemProperty(named = "kdbench.writeExample", matches = "true")
    void rewriteTheExample() throws IOException {
        Files.createDirectories(EXAMPLE.getParent());
        ExampleMedmnistWriter.write(EXAMPLE);
    }

    @Test
    void theCommittedExampleHoldsTheWritersArrays() throws IOException {
        Map<String, byte[]> expected = ExampleMedmnistWriter.arrays().arrays();
        try (ZipFile zip = new ZipFile(EXAMPLE.toFile())) {
            assertEquals(expected.size(), zip.size());
            for (Map.Entry<String, byte[]> e : expected.entrySet()) {
                ZipEntry entry = zip.getEntry(e.getKey() + ".npy");
                assertArrayEquals(e.getValue(), zip.getInputStream(entry).readAllBytes(), e.getKey());
            }
        }
    }
}
