package io.kdbench.reports;

import io.kdbench.api.Role;
import io.kdbench.api.Selection;
import io.kdbench.api.TrainingLog;
import io.kdbench.experiment.Claim;
import io.kdbench.reports.claims.ClaimsTables;
import io.kdbench.reports.model.ExperimentOrder;
import io.kdbench.reports.model.MetricDirections;
import io.kdbench.reports.model.Reported;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import io.kdbench.store.ResultsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {
    @TempDir
    Path dir;

    /** Three methods on two datasets (one federated), a skipped and a failed cell, a reported value. */
    static FakeCells sample() {
        FakeCells cells = new FakeCells();
        double[][] auroc = {{0.91, 0.92, 0.94}, {0.81, 0.83, 0.82}, {0.70, 0.74, 0.72}};
        String[] methods = {"kd-attention", "vit-student", "small-cnn"};
        long[] params = {52_000, 48_000, 9_000};
        for (int m = 0; m < 3; m++) {
            for (int s = 0; s < 3; s++) {
                cells.ok(methods[m], "toy-blobs", s + 1, Map.of("auroc", auroc[m][s], "accuracy", auroc[m][s] - 0.1),
                        params[m], 10.0 * (m + 1) + s, Map.of());
                Map<String, Object> clients = Map.of("clients", Map.of("site-a", Map.of("auroc", auroc[m][s] - 0.05),
                        "site-b", Map.of("auroc", auroc[m][s] - 0.02)));
                cells.ok(methods[m], "knee-fed", s + 1, Map.of("auroc", auroc[m][s] - 0.03, "accuracy", auroc[m][s] - 0.2),
                        params[m], 12.0 * (m + 1) + s, clients);
            }
        }
        cells.notScored(CellStatus.SKIPPED, "seg-kd", "toy-blobs", 1, "needs a segmentation task");
        cells.notScored(CellStatus.FAILED, "seg-kd", "knee-fed", 1, "loss diverged: NaN");
        return cells;
    }

    static Path write(Path dir) throws IOException {
        return new ReportWriter(MetricDirections.lowerIsBetter()).write(dir.resolve("report"), "sample", sample().cells(),
                new Reported(Map.of("kd-attention/toy-blobs/auroc", 0.95)), "kdbench report " + dir);
    }

    @Test
    void claimsComeFirstOnThePageAndInTheMarkdownAndFillClaimsCsv() throws IOException {
        Claim claim = new Claim("kd-better", "KD paper", "Distillation beats the student.", "toy-blobs", "auroc",
                "kd-attention", "vit-student", Claim.Expect.BETTER, Double.NaN, Double.NaN);
        Path index = new ReportWriter(MetricDirections.lowerIsBetter()).write(dir.resolve("report"), "sample",
                sample().cells(), List.of(), Reported.NONE, List.of(claim), ExperimentOrder.NONE, "kdbench report x");
        String html = Files.readString(index);
        assertTrue(html.indexOf("<section id=\"claims\">") > 0
                && html.indexOf("<section id=\"claims\">") < html.indexOf("<section id=\"leaderboard\">"), "Claims first");
        assertTrue(html.contains("Distillation beats the student."), "the claim's sentence");
        assertTrue(Files.readString(index.getParent().resolve("leaderboard.md")).startsWith("## Claims\n"));
        List<String> csv = Files.readAllLines(index.getParent().resolve(ClaimsTables.CSV));
        assertEquals(2, csv.size());
        assertTrue(csv.get(1).startsWith("kd-better,KD paper,toy-blobs,auroc,better,"), csv.get(1));
        // without claims: no section, no file
        Path plain = write(dir.resolve("plain"));
        assertTrue(!Files.readString(plain).contains("id=\"claims\"") && !Files.exists(plain.getParent().resolve(ClaimsTables.CSV)));
    }

    @Test
    void writesAPageWhoseEveryImageExistsInBothFormats() throws IOException {
        Path index = write(dir);
        String html = Files.readString(index);
        Matcher m = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
        int images = 0;
        while (m.find()) {
            Path png = index.getParent().resolve(m.group(1));
            BufferedImage img = ImageIO.read(png.toFile());
            assertNotNull(img, "readable PNG " + png);
            assertTrue(img.getWidth() > 400, png.toString());
            Path svg = Path.of(png.toString().replaceAll("\\.png$", ".svg"));
            assertTrue(Files.readString(svg).contains("<svg"), svg.toString());
            Path pdf = Path.of(png.toString().replaceAll("\\.png$", ".pdf"));
            assertTrue(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"), pdf.toString());
            images++;
        }
        // a metrics figure per dataset, 2 loss-curve figures, 2 x 2 cost plots, 1 client chart; no CD diagram (2 datasets)
        assertEquals(2 + 2 + 4 + 1, images);
        for (String f : List.of("leaderboard.md", "leaderboard.tex")) {
            assertTrue(Files.readString(index.getParent().resolve(f)).contains("kd-attention"), f);
        }
    }

    @Test
    void theTidyTablesHoldEveryScoredCellAndNothingElse() throws IOException {
        Path report = write(dir).getParent();
        // 3 methods x 2 datasets x 3 seeds scored, 2 metrics each, one aggregate ("mean") of 10 cases, all valid;
        // the skipped and the failed seg-kd cells are in none of the tables
        List<String> perSeed = Files.readAllLines(report.resolve("per_seed.csv"));
        assertEquals("method,dataset,seed,metric,class,value,n_valid,n_penalised,n_cases", perSeed.get(0));
        assertEquals(1 + 3 * 2 * 3 * 2, perSeed.size());
        assertTrue(perSeed.contains("kd-attention,toy-blobs,1,auroc,mean,0.91,10,0,10"), perSeed.toString());
        assertTrue(perSeed.contains("small-cnn,toy-blobs,3,auroc,mean,0.72,10,0,10"), perSeed.toString());
        assertTrue(perSeed.stream().noneMatch(l -> l.startsWith("seg-kd,")), "no line of an unscored cell");
        // 3 cases per metric and cell
        List<String> perCase = Files.readAllLines(report.resolve("per_case.csv"));
        assertEquals(1 + 3 * 2 * 3 * 2 * 3, perCase.size());
        assertTrue(perCase.contains("vit-student,toy-blobs,2,auroc,case-1,mean,0.83"), perCase.toString());
        // one line per scored cell
        assertEquals(1 + 3 * 2 * 3, Files.readAllLines(report.resolve("learning.csv")).size());
        // one line per method, dataset and metric: kd-attention on toy-blobs: auroc 0.91, 0.92, 0.94
        List<String> intervals = Files.readAllLines(report.resolve("intervals.csv"));
        assertEquals(1 + 3 * 2 * 2, intervals.size());
        String[] kd = intervals.stream().filter(l -> l.startsWith("kd-attention,toy-blobs,auroc,")).findFirst()
                .orElseThrow().split(",");
        assertEquals("3", kd[4]);
        assertEquals((0.91 + 0.92 + 0.94) / 3, Double.parseDouble(kd[5]), 1e-12);
        // sample sd: deviations -0.013333, -0.003333, 0.016667: sqrt(0.00046667 / 2) = 0.015275
        double mean = (0.91 + 0.92 + 0.94) / 3;
        double sd = Math.sqrt((Math.pow(0.91 - mean, 2) + Math.pow(0.92 - mean, 2) + Math.pow(0.94 - mean, 2)) / 2);
        assertEquals(0.0152753, sd, 1e-7);
        assertEquals(sd, Double.parseDouble(kd[6]), 1e-12);
        // t interval with 2 df: mean +- 4.302653 sd / sqrt 3
        assertEquals(mean - 4.302653 * sd / Math.sqrt(3), Double.parseDouble(kd[7]), 1e-6);
        assertEquals(mean + 4.302653 * sd / Math.sqrt(3), Double.parseDouble(kd[8]), 1e-6);
    }

    @Test
    void thePageShowsTheStatisticsReasonsReportedValueAndProvenance() throws IOException {
        String html = Files.readString(write(dir));
        // kd-attention on toy-blobs auroc: mean 0.9233, sd 0.01528, CI half-width 4.302653 * 0.01528 / sqrt 3 = 0.03795
        assertTrue(html.contains("<strong>0.923 ± 0.015 ▲</strong><br><small>CI [0.885, 0.961] · 3 seeds · n_valid 30/30 · n_penalised 0</small>"
                + "<br><small class=\"paper\">paper 0.950</small>"), html);
        assertTrue(html.contains("<td class=\"num\">0.950</td><td class=\"num\">0.923</td><td class=\"num\">[0.885, 0.961]</td>"
                + "<td class=\"num\">-0.027</td><td>yes</td>"), html);
        assertTrue(html.contains("needs a segmentation task") && html.contains("loss diverged: NaN (epoch 3)"), html);
        assertTrue(html.contains("0.1.0+code0") && html.contains("commit 0123456789abcdef") && html.contains("Test CPU @ 2.0GHz"), html);
        assertTrue(html.contains("kdbench run experiments/fake.yaml") && html.contains("kdbench report " + dir), html);
        // 3 methods on 2 datasets: too few blocks for either metric, said once
        assertTrue(html.contains("<p class=\"note\">No diagram for ") && html.contains("auroc (2 datasets, 3 methods)")
                && html.contains("accuracy (2 datasets, 3 methods)") && html.contains(": a Friedman test with the Nemenyi CD "
                + "needs at least 5 datasets as blocks and 3 methods (not upper bounds) scored on every one of them, or, on "
                + "one dataset, 5 seeds shared by 3 methods."), html);
    }
    /** kd stores a teacher and a selection; student did not learn on seed 2; prior is a floor. */
    static FakeCells learningSample() {
        FakeCells cells = new FakeCells();
        double[] teacher = {0.90, 0.92, 0.94};
        for (int s = 0; s < 3; s++) {
            Map<String, Object> extras = Map.of(
                    TrainingLog.TEACHERS, Map.of("teacher-vit", Map.of("metric", "auroc", "validation", teacher[s])),
                    TrainingLog.SELECTION, Map.of("student", new Selection("auroc", 10, List.of(10, 20, 30),
                            List.of(0.7, 0.8 + 0.01 * s, Double.NaN), 20, 0.8 + 0.01 * s)));
            cells.ok("kd", "toy", s + 1, Map.of("auroc", 0.85 + 0.01 * s), 1000, 2.0, extras);
            cells.ok("student", "toy", s + 1, Map.of("auroc", 0.70 + 0.01 * s));
            cells.ok("prior", "toy", s + 1, Map.of("auroc", 0.5));
        }
        return cells.notLearned("student", "toy", 2).role("prior", Role.FLOOR);
    }

    @Test
    void thePageShowsWhetherEveryRowLearnedTheTeachersAndTheModelSelection() throws IOException {
        FakeCells sample = learningSample();
        // as built (TrainingLog's objects) and as read back from the stored JSON (plain maps, lists and numbers)
        List<CellRecord> readBack = new ResultsStore(sample.writeTo(dir.resolve("store"))).latestPerSpec();
        for (List<CellRecord> cells : List.of(sample.cells(), readBack)) {
            Path index = new ReportWriter(MetricDirections.lowerIsBetter()).write(dir.resolve("report"), "learning", cells,
                    Reported.NONE, "kdbench report");
            String html = Files.readString(index);
            assertTrue(html.contains("<section id=\"learning\">\n<h2>Did every row learn?</h2>"), html);
            // 0.8 x prior entropy 0.69 = 0.552
            assertTrue(html.contains("<tr class=\"not-learned\"><td>student</td><td>competitor</td><td class=\"num\">2</td>"
                    + "<td>not learned</td><td>auroc</td><td class=\"num\">0.450</td><td class=\"num\">0.500</td>"
                    + "<td class=\"num\">0.680</td><td class=\"num\">0.552</td>"), html);
            assertTrue(html.contains("<tr><td>prior</td><td>floor</td><td class=\"num\">1</td><td>floor</td>"), html);
            // leaderboard: the mark, the learned column, the floor tag
            assertTrue(html.contains("<tr class=\"not-learned\"><td>student <span class=\"warn\""), html);
            assertTrue(html.contains("<td class=\"warn\">no (1/3)</td></tr>"), html);
            assertTrue(html.contains("<td>prior <span class=\"tag\" title=\"a reference, not a competitor\">floor</span></td>"), html);
            // teachers: 0.90, 0.92, 0.94 -> mean 0.920 over 3 seeds
            assertTrue(html.contains("<tr><td>kd</td><td>toy</td><td>teacher-vit</td><td>auroc</td><td class=\"num\">0.920</td>"
                    + "<td class=\"num\">3</td></tr>"), html);
            assertTrue(html.contains("<tr><td>student</td><td>toy</td><td colspan=\"4\" class=\"note\">no teacher scores stored</td></tr>"), html);
            // selection: step 20 on every seed, validation 0.80, 0.81, 0.82 there -> 0.810
            assertTrue(html.contains("<tr><td>kd</td><td>toy</td><td>student</td><td>auroc</td><td class=\"num\">20, 20, 20</td>"
                    + "<td class=\"num\">0.810</td><td class=\"num\">3</td></tr>"), html);
            assertTrue(html.contains("<tr><td>prior</td><td>toy</td><td colspan=\"5\" class=\"note\">none stored</td></tr>"), html);
            assertTrue(!html.contains("<script"), "self-contained, no scripts");
        }
    }

    @Test
    void withoutTeachersOrSelectionsThePageSaysSo() throws IOException {
        String html = Files.readString(write(dir));
        assertTrue(html.contains("<p class=\"note\">No teacher scores stored.</p>"), html);
        assertTrue(html.contains("<p class=\"note\">None stored.</p>"), html);
        assertTrue(html.contains("<th>learned</th>") && html.contains("<td>yes</td></tr>"), html);
    }
}
