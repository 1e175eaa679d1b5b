package io.kdbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdbench.data.LabelMap;
import io.kdbench.io.NiftiFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new MetricsCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    /** 1 x 4 x 6 volume: label 1 in columns [from, from + 2), label 2 only where {@code withTwo}. */
    private Path nifti(String name, int from, boolean withTwo, double[] spacing) throws IOException {
        byte[] v = new byte[4 * 6];
        for (int y = 0; y < 4; y++) {
            for (int x = from; x < from + 2; x++) {
                v[y * 6 + x] = 1;
            }
        }
        if (withTwo) {
            v[5] = 2;
        }
        Path p = dir.resolve(name);
        NiftiFile.write(p, new LabelMap(v, 1, 4, 6, spacing));
        return p;
    }

    @Test
    void segmentationJsonHasEveryLabelAndTheMean() throws IOException {
        Path gt = nifti("gt.nii.gz", 1, true, new double[] {1, 1, 0.5});
        Path pred = nifti("pred.nii", 2, false, new double[] {1, 1, 0.5});
        assertEquals(0, run("--pred", pred.toString(), "--gt", gt.toString(), "--json"), err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString());
        // label 1: columns 1-2 vs 2-3 -> Dice 2*4/16; label 2 only in truth -> 0; HD of label 1 is one column, 0.5
        assertEquals(0.5, j.get("dice").get("1").asDouble(), 1e-12);
        assertEquals(0.0, j.get("dice").get("2").asDouble(), 1e-12);
        assertEquals(0.25, j.get("dice").get("mean").asDouble(), 1e-12);
        assertEquals(0.5, j.get("hd").get("1").asDouble(), 1e-12);
        assertEquals("NaN", j.get("hd95").get("2").asText());
        assertEquals(0.5, j.get("hd95").get("mean").asDouble(), 1e-12);
        assertEquals("hd95[monai]", j.get("conventions").get("hd95").asText());
        assertTrue(j.has("iou"));
    }

    @Test
    void spacingOptionOverridesTheHeaders() throws IOException {
        Path gt = nifti("gt.nii", 1, false, new double[] {1, 1, 0.5});
        Path pred = nifti("pred.nii", 2, false, new double[] {1, 1, 0.7});
        assertEquals(2, run("--pred", pred.toString(), "--gt", gt.toString()));
        assertTrue(err.toString().contains(pred.toString()) && err.toString().contains("spacing"), err.toString());
        assertEquals(1, err.toString().lines().count());
        assertEquals(0, run("--pred", pred.toString(), "--gt", gt.toString(), "--spacing", "3,1", "--json",
                "--empty", "penalty", "--hd95", "medpy"));
        assertEquals(3.0, new ObjectMapper().readTree(out.toString()).get("hd").get("1").asDouble(), 1e-12);
    }

    @Test
    void badInputExitsWithTwoAndOneMessage() throws IOException {
        Path gt = nifti("gt.nii", 1, false, null);
        Path missing = dir.resolve("none.nii");
        assertEquals(2, run("--pred", missing.toString(), "--gt", gt.toString()));
        assertEquals("kdbench metrics: " + missing + ": no such file", err.toString().trim());

        err.getBuffer().setLength(0);
        assertEquals(2, run("--pred", dir.toString(), "--gt", gt.toString()));
        assertEquals("kdbench metrics: " + dir + ": is a folder, not a file", err.toString().trim());

        err.getBuffer().setLength(0);
        assertEquals(2, run());
        assertEquals("kdbench metrics: give --pred and --gt, or --scores (see: kdbench metrics --help)",
                err.toString().trim());

        Path other = dir.resolve("other.nii");
        NiftiFile.write(other, new LabelMap(new byte[12], 1, 3, 4, null));
        err.getBuffer().setLength(0);
        assertEquals(2, run("--pred", other.toString(), "--gt", gt.toString()));
        assertTrue(err.toString().contains("shape 3x4 differs from 4x6"), err.toString());

        Path floats = dir.resolve("float.nii");
        NiftiFile.write(floats, io.kdbench.data.Image.of2d(new float[] {0, 1.5f, 0, 0}, 1, 2, 2));
        err.getBuffer().setLength(0);
        assertEquals(2, run("--pred", floats.toString(), "--gt", gt.toString()));
        assertTrue(err.toString().contains(floats + ": voxel (x=1, y=0, z=0) is 1.5"), err.toString());
        assertEquals(1, err.toString().lines().count());
    }

    @Test
    void aurocFromScores() throws IOException {
        Path csv = dir.resolve("s.csv");
        Files.writeString(csv, "label,score\n0,0.5\n0,0.5\n1,0.5\n1,0.9\n");
        assertEquals(0, run("--scores", csv.toString(), "--json"));
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertEquals(0.75, j.get("auroc").asDouble(), 1e-12);
        assertEquals("binary", j.get("averaging").asText());

        Path multi = dir.resolve("m.csv");
        Files.writeString(multi, "label,score_0,score_1,score_2\n0,0.8,0.1,0.1\n1,0.1,0.8,0.1\n2,0.3,0.3,0.4\n");
        out.getBuffer().setLength(0);
        assertEquals(0, run("--scores", multi.toString(), "--json"));
        JsonNode m = new ObjectMapper().readTree(out.toString());
        assertEquals(1.0, m.get("auroc").asDouble(), 1e-12);
        assertTrue(m.get("averaging").asText().startsWith("one-vs-rest macro"));

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "label,score\n0,zero\n");
        assertEquals(2, run("--scores", bad.toString()));
        assertTrue(err.toString().contains(bad + ": line 2: score 'zero' is not a finite number"), err.toString());
    }
}
