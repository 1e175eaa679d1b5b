package io.kdbench.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class InputFileTest {
    @TempDir
    Path dir;

    @Test
    void aFolderIsNotCalledMissing() throws IOException {
        Path file = Files.writeString(dir.resolve("a.yaml"), "x");
        assertNull(InputFile.problem(file));
        assertEquals("is a folder, not a file; expected the experiment file", InputFile.problem(dir, "experiment file"));
        assertEquals("no such experiment file", InputFile.problem(dir.resolve("b.yaml"), "experiment file"));
        assertEquals("no such file", InputFile.problem(dir.resolve("b.yaml")));
    }
}
