package io.kdbench.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreTableTest {
    @TempDir
    Path dir;

    private Path csv(String text) throws IOException {
        Path p = dir.resolve("s.csv");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void binaryAndMultiClass() throws IOException {
        ScoreTable b = ScoreTable.read(csv("label,score\n0,0.1\n1,0.9\n"));
        assertEquals(2, b.classes());
        assertArrayEquals(new int[] {0, 1}, b.labels());
        ScoreTable m = ScoreTable.read(csv("label,score_0,score_1,score_2\n2,0.1,0.2,0.7\n0,0.8,0.1,0.1\n"));
        assertEquals(3, m.classes());
        assertArrayEquals(new double[] {0.1, 0.2, 0.7}, m.scores()[0], 0);
    }

    @Test
    void problemsNameTheLine() throws IOException {
        assertTrue(message("label,score\n0,0.1\n1,abc\n").contains("line 3: score 'abc' is not a finite number"));
        assertTrue(message("label,score\n0.5,0.1\n").contains("line 2: label '0.5' is not an integer"));
        assertTrue(message("label,score\n2,0.1\n").contains("not in 0..1"));
        assertTrue(message("y,p\n1,0.1\n").contains("line 1: header"));
        assertTrue(message("label,score\n1,NaN\n").contains("not a finite number"));
    }

    private String message(String text) throws IOException {
        Path p = csv(text);
        return assertThrows(IllegalArgumentException.class, () -> ScoreTable.read(p)).getMessage();
    }
}
