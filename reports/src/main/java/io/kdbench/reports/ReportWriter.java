package io.kdbench.reports;

import io.kdbench.reports.charts.AttentionOverlay;
import io.kdbench.reports.charts.ChartFiles;
import io.kdbench.reports.charts.ClientBars;
import io.kdbench.reports.charts.CostScatter;
import io.kdbench.reports.charts.CriticalDifferenceDiagram;
import io.kdbench.reports.charts.LossCurves;
import io.kdbench.reports.charts.MetricCharts;
import io.kdbench.reports.html.Figure;
import io.kdbench.reports.html.ReportPage;
import io.kdbench.reports.html.Section;
import io.kdbench.reports.tables.LeaderboardTables;
import io.kdbench.reports.tables.TableFormat;
import io.kdbench.reports.tables.TidyTables;
import io.kdbench.stats.Friedman;
import io.kdbench.store.AtomicFiles;
import io.kdbench.store.CellRecord;
import io.kdbench.store.StoredAttention;
import io.kdbench.store.UnreadableCell;
import org.jfree.chart.ui.Drawable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code <results>/report/}: {@code index.html}, its charts as PNG and SVG under {@code charts/}, the
 * leaderboard as Markdown and LaTeX, and the tidy {@code per_seed.csv}, {@code per_case.csv} and {@code learning.csv}. Everything is
 * computed from the cells given (normally {@link io.kdbench.store.ResultsStore#latestPerSpec()}).
 */
public final class ReportWriter {
    public static final String DIR = "report";
    public static final String INDEX = "index.html";
    static final String CHARTS = "charts";
    static final int WIDE = 720;
    static final int NARROW = 560;

    private final MetricDirections directions;
    private final CaseImages images;

    public ReportWriter(MetricDirections directions) {
        this(directions, CaseImages.NONE);
    }

    public ReportWriter(MetricDirections directions, CaseImages images) {
        this.directions = directions;
        this.images = images;
    }

    /**
     * @param reportDir where to write (created if missing)
     * @param name      the experiment's name, for the title
     * @param command   the command line that makes this report
     * @return the written {@code index.html}
     */
    public Path write(Path reportDir, String name, List<CellRecord> cells, Reported reported, String command)
            throws IOException {
        return write(reportDir, name, cells, List.of(), reported, command);
    }

    /** As above, naming the folder's cell files that could not be read ({@code unreadable}) on the page. */
    public Path write(Path reportDir, String name, List<CellRecord> cells, List<UnreadableCell> unreadable,
                      Reported reported, String command) throws IOException {
        Leaderboard board = Leaderboard.of(cells, directions);
        Path charts = reportDir.resolve(CHARTS);
        ReportPage page = new ReportPage("kdbench report: " + name, board, cells, reported);
        page.reportCommand(command);
        page.unreadable(unreadable);

        for (String metric : board.metrics()) {
            String slug = slug(metric);
            int width = Math.max(NARROW, 120 + 90 * board.datasets().size() * Math.max(1, board.methods().size()) / 2);
            chart(page, charts, Section.PER_METRIC, "strip-" + slug, metric + ": the value of every seed, per method",
                    MetricCharts.strip(board, metric), Math.min(width, 1100), 380);
            chart(page, charts, Section.PER_METRIC, "bars-" + slug, metric + ": mean over seeds with the 95% t interval",
                    MetricCharts.bars(board, metric), Math.min(width, 1100), 380);
            criticalDifference(page, charts, board, metric);
        }
        for (String d : board.datasets()) {
            if (LossCurves.any(cells, d)) {
                chart(page, charts, Section.TRAINING, "loss-" + slug(d), d + ": training loss per epoch, every method and seed",
                        LossCurves.of(cells, d), WIDE, 420);
            }
            List<String> metrics = board.metricsOn(d);
            if (!metrics.isEmpty()) {
                String headline = metrics.get(0);
                chart(page, charts, Section.COST, "params-" + slug(d), d + ": " + headline + " against deployed parameters (log scale)",
                        CostScatter.of(board, d, headline, CostScatter.Cost.PARAMETERS), NARROW, 380);
                chart(page, charts, Section.COST, "time-" + slug(d), d + ": " + headline + " against training time (log scale)",
                        CostScatter.of(board, d, headline, CostScatter.Cost.TRAIN_SECONDS), NARROW, 380);
            }
            for (Map.Entry<String, Map<String, Map<String, Double>>> m : FederatedClients.of(cells, d).entrySet()) {
                chart(page, charts, Section.CLIENTS, "clients-" + slug(d) + "-" + slug(m.getKey()),
                        d + ": " + m.getKey() + " per client, mean over seeds",
                        ClientBars.of(d, m.getKey(), directions.higherIsBetter(m.getKey()), m.getValue()), WIDE, 380);
            }
        }
        if (board.datasets().stream().noneMatch(d -> LossCurves.any(cells, d))) {
            page.note(Section.TRAINING, "No cell recorded a training curve.");
        }
        if (board.datasets().stream().allMatch(d -> FederatedClients.of(cells, d).isEmpty())) {
            page.note(Section.CLIENTS, "Nothing to show: no scored cell stores per-client values (extras \""
                    + FederatedClients.EXTRAS_KEY + "\", written by federated methods).");
        }
        attention(page, charts, cells);
        page.note(Section.COST, "Training time is the wall time of one cell on the hardware listed under Reproducibility.");

        AtomicFiles.writeString(reportDir.resolve(TableFormat.MARKDOWN.fileName()),
                LeaderboardTables.render(board, reported, TableFormat.MARKDOWN));
        AtomicFiles.writeString(reportDir.resolve(TableFormat.LATEX.fileName()),
                LeaderboardTables.render(board, reported, TableFormat.LATEX));
        AtomicFiles.writeString(reportDir.resolve(TidyTables.PER_SEED), TidyTables.perSeed(cells));
        AtomicFiles.writeString(reportDir.resolve(TidyTables.PER_CASE), TidyTables.perCase(cells));
        AtomicFiles.writeString(reportDir.resolve(TidyTables.LEARNING), TidyTables.learning(cells));
        Path index = reportDir.resolve(INDEX);
        AtomicFiles.writeString(index, page.render());
        return index;
    }

    /** For each method and dataset, the first seed's stored attention maps over their images, ROI outlined. */
    private void attention(ReportPage page, Path charts, List<CellRecord> cells) throws IOException {
        Map<String, CellRecord> first = new java.util.TreeMap<>();
        for (CellRecord c : cells) {
            if (!StoredAttention.read(c).isEmpty()) {
                first.merge(c.spec().method() + " / " + c.spec().dataset(), c,
                        (a, b) -> a.spec().seed() <= b.spec().seed() ? a : b);
            }
        }
        for (Map.Entry<String, CellRecord> e : first.entrySet()) {
            Map<String, io.kdbench.data.Sample> samples = images.testCases(e.getValue());
            List<AttentionOverlay.Panel> panels = StoredAttention.read(e.getValue()).stream()
                    .filter(m -> samples.containsKey(m.caseId()))
                    .map(m -> new AttentionOverlay.Panel(samples.get(m.caseId()), m)).toList();
            if (panels.isEmpty()) {
                page.note(Section.ATTENTION, e.getKey() + ": maps stored, but the test images could not be regenerated.");
                continue;
            }
            AttentionOverlay overlay = new AttentionOverlay(panels);
            chart(page, charts, Section.ATTENTION, "attention-" + slug(e.getKey()),
                    e.getKey() + ", seed " + e.getValue().spec().seed() + ": attention (red) over the test image, region "
                            + "of interest outlined in green", overlay, overlay.width(), overlay.height());
        }
        if (first.isEmpty()) {
            page.note(Section.ATTENTION, "No cell stored attention maps (only attention-based students do). The "
                    + "localization metrics (loc-auroc, loc-box-iou, loc-outside-mass) score the maps against the regions.");
        }
    }

    private static void criticalDifference(ReportPage page, Path charts, Leaderboard board, String metric) throws IOException {
        CriticalDifferences cds = CriticalDifferences.of(board, metric);
        if (cds.friedman().isEmpty()) {
            page.note(Section.CRITICAL_DIFFERENCE, metric + ": no diagram; the Friedman test " + cds.reason() + ".");
            return;
        }
        Friedman f = cds.friedman().get();
        CriticalDifferenceDiagram diagram = new CriticalDifferenceDiagram(metric + ": average rank over "
                + cds.datasets().size() + " datasets", cds.methods(), f, 0.05);
        String caption = String.format(Locale.ROOT, "%s: Friedman chi² = %.2f (p = %.3g), Iman-Davenport F = %.2f (p = %.3g); "
                        + "Nemenyi CD = %.2f at α = 0.05; joined methods are not significantly different%s",
                metric, f.chiSquare(), f.chiSquarePValue(), f.imanDavenportF(), f.imanDavenportPValue(),
                diagram.criticalDifference(), cds.left().isEmpty() ? "" : "; left out (missing a dataset): " + String.join(", ", cds.left()));
        chart(page, charts, Section.CRITICAL_DIFFERENCE, "cd-" + slug(metric), caption, diagram, WIDE, diagram.height());
    }

    private static void chart(ReportPage page, Path charts, Section section, String name, String caption, Drawable drawing,
                              int width, int height) throws IOException {
        ChartFiles.write(charts, new ChartFiles.Chart(name, drawing, width, height));
        page.add(section, new Figure(name, caption, width));
    }

    /** A file-name-safe form of an id: hd95[monai] -> hd95-monai. */
    static String slug(String id) {
        String s = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "x" : s;
    }
}
