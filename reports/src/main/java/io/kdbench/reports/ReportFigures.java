package io.kdbench.reports;

import io.kdbench.reports.charts.AttentionOverlay;
import io.kdbench.reports.charts.ClientBars;
import io.kdbench.reports.charts.CostScatter;
import io.kdbench.reports.charts.CriticalDifferenceDiagram;
import io.kdbench.reports.charts.LossCurves;
import io.kdbench.reports.charts.MethodStyles;
import io.kdbench.reports.charts.MetricPanels;
import io.kdbench.reports.charts.PanelGrid;
import io.kdbench.reports.html.Section;
import io.kdbench.reports.model.CriticalDifferences;
import io.kdbench.reports.model.FederatedClients;
import io.kdbench.reports.model.Leaderboard;
import io.kdbench.stats.Bounds;
import io.kdbench.stats.Friedman;
import io.kdbench.store.CellRecord;
import io.kdbench.store.StoredAttention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Every figure of a report, in page order, each dataset and method in the experiment's order and each method in its
 * one {@link MethodStyles colour}. Sections with nothing to show get a note saying why.
 */
final class ReportFigures {
    static final int WIDE = 720;
    static final int NARROW = 560;
    private static final String STYLE_NOTE = "Each method has one colour in every figure; floors are hollow with dashed "
            + "lines, upper bounds hollow with dotted lines.";

    private final Leaderboard board;
    private final List<CellRecord> cells;
    private final MethodStyles styles;
    private final CaseImages images;
    private final BiConsumer<Section, String> notes;
    private final List<ReportFigure> figures = new ArrayList<>();

    private ReportFigures(Leaderboard board, List<CellRecord> cells, CaseImages images, BiConsumer<Section, String> notes) {
        this.board = board;
        this.cells = cells;
        this.styles = MethodStyles.of(board, cells);
        this.images = images;
        this.notes = notes;
    }

    /** The figures; notes for the page go to {@code notes}. */
    static List<ReportFigure> of(Leaderboard board, List<CellRecord> cells, CaseImages images, BiConsumer<Section, String> notes) {
        ReportFigures f = new ReportFigures(board, cells, images, notes);
        f.perDataset();
        f.criticalDifferences();
        f.training();
        f.attention();
        f.cost();
        f.clients();
        return List.copyOf(f.figures);
    }

    private void perDataset() {
        for (String d : board.datasets()) {
            if (board.methodsOn(d).isEmpty() || board.definedMetricsOn(d).isEmpty()) {
                continue;
            }
            grid("metrics-" + slug(d), Section.PER_METRIC, d + ": per metric, every seed (small points), the mean (large mark) "
                    + "and " + intervalWords(board.definedMetricsOn(d)) + ". " + STYLE_NOTE, MetricPanels.of(board, d, styles), WIDE);
        }
    }

    /** "the 95% Student t interval of the mean over seeds (cut at the metric's range: [0, 1] for dice; ...)". */
    private String intervalWords(List<String> metrics) {
        Map<Bounds, List<String>> byRange = new LinkedHashMap<>();
        for (String m : metrics) {
            Bounds b = board.directions().bounds(m);
            if (b.bounded()) {
                byRange.computeIfAbsent(b, k -> new ArrayList<>()).add(m);
            }
        }
        StringBuilder sb = new StringBuilder("the 95% Student t interval of the mean over seeds");
        if (!byRange.isEmpty()) {
            List<String> parts = new ArrayList<>();
            byRange.forEach((b, ms) -> parts.add(b + " for " + String.join(", ", ms)));
            sb.append(" (cut at the metric's range: ").append(String.join("; ", parts)).append(")");
        }
        return sb.toString();
    }

    private void criticalDifferences() {
        List<String> tooFew = new ArrayList<>();
        for (String metric : board.metrics()) {
            CriticalDifferences across = CriticalDifferences.of(board, metric);
            if (across.friedman().isPresent()) {
                diagram(across, "cd-" + slug(metric));
                continue;
            }
            boolean any = false;
            for (String d : board.datasets()) {
                CriticalDifferences seeds = CriticalDifferences.overSeeds(board, d, metric);
                if (seeds.friedman().isPresent()) {
                    diagram(seeds, "cd-" + slug(metric) + "-" + slug(d));
                    any = true;
                }
            }
            if (any || !across.reason().startsWith("needs")) {
                notes.accept(Section.CRITICAL_DIFFERENCE, metric + ": no diagram across datasets; the Friedman test "
                        + across.reason() + (any ? "; diagrams with seeds as blocks instead." : "."));
            } else {
                tooFew.add(String.format(Locale.ROOT, "%s (%d datasets, %d methods)", metric, across.blocks().size(),
                        across.methods().size()));
            }
        }
        if (!tooFew.isEmpty()) {
            notes.accept(Section.CRITICAL_DIFFERENCE, "No diagram for " + String.join(", ", tooFew) + ": a Friedman test "
                    + "with the Nemenyi CD needs at least " + CriticalDifferences.MIN_DATASETS + " datasets as blocks and "
                    + CriticalDifferences.MIN_METHODS + " methods (not upper bounds) scored on every one of them, or, on one "
                    + "dataset, " + CriticalDifferences.MIN_DATASETS + " seeds shared by " + CriticalDifferences.MIN_METHODS
                    + " methods.");
        }
    }

    private void diagram(CriticalDifferences cds, String name) {
        Friedman f = cds.friedman().orElseThrow();
        String over = cds.blocks().size() + " " + cds.blockKind();
        CriticalDifferenceDiagram diagram = new CriticalDifferenceDiagram(cds.metric() + ": average rank over " + over,
                cds.methods(), f, 0.05, cds.blockKind().startsWith("seeds") ? "seeds" : "datasets");
        String caption = String.format(Locale.ROOT, "%s: Friedman chi² = %.2f (p = %.3g), Iman-Davenport F = %.2f "
                        + "(p = %.3g), %s as blocks; Nemenyi CD = %.2f at α = 0.05; joined methods are not "
                        + "significantly different%s", cds.metric(), f.chiSquare(), f.chiSquarePValue(), f.imanDavenportF(),
                f.imanDavenportPValue(), over, diagram.criticalDifference(),
                cds.left().isEmpty() ? "" : "; left out (missing a dataset): " + String.join(", ", cds.left()));
        fixed(name, Section.CRITICAL_DIFFERENCE, caption, diagram, WIDE, diagram.height());
    }

    private void training() {
        boolean any = false;
        for (String d : board.datasets()) {
            if (LossCurves.any(cells, d)) {
                any = true;
                List<String> methods = cells.stream().filter(c -> c.spec().dataset().equals(d)).map(c -> c.spec().method())
                        .distinct().sorted(java.util.Comparator.comparingInt(m -> order(board.methods(), m))).toList();
                grid("loss-" + slug(d), Section.TRAINING, d + ": per method, the main training loss per epoch (one line "
                        + "per seed), auxiliary losses (teacher pre-training, stages) in their own panel, and the validation "
                        + "score at each checkpoint where the method stored its model selection", LossCurves.of(cells, d, methods, styles), WIDE);
            }
        }
        if (!any) {
            notes.accept(Section.TRAINING, "No cell recorded a training curve.");
        }
    }

    private void cost() {
        for (String d : board.datasets()) {
            List<String> metrics = board.metricsOn(d);
            if (metrics.isEmpty()) {
                continue;
            }
            String headline = metrics.get(0);
            for (CostScatter.Cost cost : CostScatter.Cost.values()) {
                String prefix = cost == CostScatter.Cost.PARAMETERS ? "params-" : "time-";
                List<String> zero = board.methodsOn(d).stream().filter(m -> !(cost == CostScatter.Cost.PARAMETERS
                        ? board.parameterCount(m, d).orElse(0L) > 0 : board.trainSeconds(m, d) > 0)).toList();
                grid(prefix + slug(d), Section.COST, d + ": " + headline + " (mean over seeds) against " + cost.title()
                                + "; the cost axis is logarithmic when the costs span a factor of 10 or more"
                                + (zero.isEmpty() ? "" : "; not placed (a cost of 0): " + String.join(", ", zero)),
                        CostScatter.of(board, d, headline, cost, styles), NARROW);
            }
        }
        notes.accept(Section.COST, "Training time is the wall time of one cell on the hardware listed under Reproducibility.");
    }

    private void clients() {
        boolean any = false;
        for (String d : board.datasets()) {
            for (Map.Entry<String, Map<String, Map<String, Double>>> m : FederatedClients.of(cells, d).entrySet()) {
                any = true;
                grid("clients-" + slug(d) + "-" + slug(m.getKey()), Section.CLIENTS, d + ": " + m.getKey()
                                + " per client, mean over seeds",
                        ClientBars.of(d, m.getKey(), board.directions(), board.methods(), m.getValue(), styles), WIDE);
            }
        }
        if (!any) {
            notes.accept(Section.CLIENTS, "Nothing to show: no scored cell stores per-client values (extras \""
                    + FederatedClients.EXTRAS_KEY + "\", written by federated methods).");
        }
    }

    /** For each method and dataset, the first seed's stored attention maps over their images, ROI outlined. */
    private void attention() {
        Map<String, CellRecord> first = new LinkedHashMap<>();
        List<CellRecord> ordered = cells.stream().sorted(java.util.Comparator
                .comparingInt((CellRecord c) -> order(board.datasets(), c.spec().dataset()))
                .thenComparingInt(c -> order(board.methods(), c.spec().method()))).toList();
        for (CellRecord c : ordered) {
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
                notes.accept(Section.ATTENTION, e.getKey() + ": maps stored, but the test images could not be regenerated.");
                continue;
            }
            AttentionOverlay overlay = new AttentionOverlay(panels);
            fixed("attention-" + slug(e.getKey()), Section.ATTENTION, e.getKey() + ", seed " + e.getValue().spec().seed()
                    + ": attention in red over the test image in grey (opacity follows the map, scaled to its own range; "
                    + "colour bar below), the region of interest outlined in green", overlay, overlay.width(), overlay.height());
        }
        if (first.isEmpty()) {
            notes.accept(Section.ATTENTION, "No cell stored attention maps (only attention-based students do). The "
                    + "localization metrics (loc-auroc, loc-box-iou, loc-outside-mass) score the maps against the regions.");
        }
    }

    private void grid(String name, Section section, String caption, PanelGrid grid, int width) {
        figures.add(new ReportFigure(name, section, caption, grid, width, grid::height));
    }

    private void fixed(String name, Section section, String caption, org.jfree.chart.ui.Drawable drawing, int width, int height) {
        ScaledDrawing scaled = new ScaledDrawing(drawing, width, height);
        figures.add(new ReportFigure(name, section, caption, scaled, width, scaled::heightAt));
    }

    private static int order(List<String> names, String name) {
        int i = names.indexOf(name);
        return i < 0 ? names.size() : i;
    }

    /** A file-name-safe form of an id: hd95[monai] -> hd95-monai. */
    static String slug(String id) {
        String s = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "x" : s;
    }
}
