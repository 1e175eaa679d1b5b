package io.kdbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example experiment's manifest, broken in one cell: exit 2 naming the row and column, nothing stored. */
class ManifestRunTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    /** Copies examples/manifest and experiments/manifest-example.yaml into the temp folder, paths made absolute. */
    private Path copyExample() throws IOException {
        Path example = Path.of("..", "examples", "manifest");
        try (Stream<Path> files = Files.walk(example)) {
            for (Path p : files.toList()) {
                Path to = dir.resolve("data").resolve(example.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        String yaml = Files.readString(Path.of("..", "experiments", "manifest-example.yaml"))
                .replace("examples/manifest/manifest.csv", dir.resolve("data/manifest.csv").toString())
                .replace("name: manifest-example", "name: manifest-example\noutput: " + dir.resolve("out"));
        Path f = dir.resolve("manifest-example.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void badDataExitsTwoBeforeTheStoreIsTouched() throws IOException {
        Path experiment = copyExample();
        Path csv = dir.resolve("data/manifest.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        lines.set(6, lines.get(6).replace(",malignant,", ",unknown,")); // row 5, case05
        Files.write(csv, lines);
        assertEquals(2, Main.execute("run", "--quiet", experiment.toString()));
        String m = console.err.toString();
        assertTrue(m.contains("manifest-example.yaml:") && m.contains("bad params of manifest"), m);
        assertTrue(m.contains("manifest.csv:7: row 6 (id case05), column 'label'"), m);
        assertFalse(Files.exists(dir.resolve("out")), "nothing may be written to the store");
    }

    /** Issue 18: mixed sizes used to pass validation and then fail every cell. */
    @Test
    void mixedImageSizesWithoutASizeExitTwoBeforeAnyCell() throws IOException {
        Path experiment = copyExample();
        Files.writeString(experiment, Files.readString(experiment).replaceFirst("\\n\\s*size: \\[16, 16\\]", ""));
        BufferedImage small = new BufferedImage(12, 12, BufferedImage.TYPE_BYTE_GRAY);
        ImageIO.write(small, "png", dir.resolve("data/images/case03.png").toFile());
        ImageIO.write(small, "png", dir.resolve("data/masks/case03.png").toFile());
        assertEquals(2, Main.execute("run", "--quiet", experiment.toString()));
        String m = console.err.toString();
        assertTrue(m.contains("manifest.csv:5: row 4 (id case03), column 'image': image is 12x12 but row 1 (id case00) "
                + "is 16x16"), m);
        assertEquals(1, m.trim().lines().count(), m);
        assertFalse(Files.exists(dir.resolve("out")), "no cell may run");
    }

    @Test
    void theExampleShowsThroughTheDatasetsCommand() throws IOException {
        copyExample();
        Path out = dir.resolve("shown");
        assertEquals(0, Main.execute("datasets", "show", "manifest", "--out", out.toString(), "--count", "1",
                "--param", "path=" + dir.resolve("data/manifest.csv"), "--param", "classes=benign,malignant"));
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith(".png")));
        }
    }
}
