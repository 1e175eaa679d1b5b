package io.kdbench.reports;

import io.kdbench.experiment.Claim;
import io.kdbench.reports.charts.ChartFiles;
import io.kdbench.reports.claims.ClaimResult;
import io.kdbench.reports.claims.ClaimsCheck;
import io.kdbench.reports.claims.ClaimsTables;
import io.kdbench.reports.html.Figure;
import io.kdbench.reports.html.ReportPage;
import io.kdbench.reports.model.ExperimentOrder;
import io.kdbench.reports.model.Leaderboard;
import io.kdbench.reports.model.MetricDirections;
import io.kdbench.reports.model.Reported;
import io.kdbench.reports.tables.LeaderboardTables;
import io.kdbench.reports.tables.TableFormat;
import io.kdbench.reports.tables.TidyTables;
import io.kdbench.store.AtomicFiles;
import io.kdbench.store.CellRecord;
import io.kdbench.store.UnreadableCell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes {@code <results>/report/}: {@code index.html}, its charts as PNG, SVG and PDF under {@code charts/}, the
 * leaderboard as Markdown and LaTeX, and the tidy {@code per_seed.csv}, {@code per_case.csv}, {@code learning.csv}
 * and {@code intervals.csv}; with claims, {@code claims.csv} and a Claims section first. Everything is computed from
 * the cells given (normally {@link io.kdbench.store.ResultsStore#latestPerSpec()}), datasets and methods in the
 * experiment's order.
 */
public final class ReportWriter {
    public static final String DIR = "report";
    public static final String INDEX = "index.html";
    static final String CHARTS = "charts";

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
        return write(reportDir, name, cells, List.of(), reported, ExperimentOrder.NONE, command);
    }

    /** As above, naming the folder's cell files that could not be read ({@code unreadable}) on the page. */
    public Path write(Path reportDir, String name, List<CellRecord> cells, List<UnreadableCell> unreadable,
                      Reported reported, String command) throws IOException {
        return write(reportDir, name, cells, unreadable, reported, ExperimentOrder.NONE, command);
    }

    /** As above, datasets and methods in the experiment file's {@code order}. */
    public Path write(Path reportDir, String name, List<CellRecord> cells, List<UnreadableCell> unreadable,
                      Reported reported, ExperimentOrder order, String command) throws IOException {
        return write(reportDir, name, cells, unreadable, reported, List.of(), order, command);
    }

    /**
     * As above, with the experiment's claims tested on these cells: when there are any, the page and
     * {@code leaderboard.md} open with them and {@code claims.csv} holds them.
     */
    public Path write(Path reportDir, String name, List<CellRecord> cells, List<UnreadableCell> unreadable,
                      Reported reported, List<Claim> claims, ExperimentOrder order, String command) throws IOException {
        Leaderboard board = Leaderboard.of(cells, directions, order);
        Path charts = reportDir.resolve(CHARTS);
        List<ClaimResult> claimResults = ClaimsCheck.of(claims, cells, directions);
        ReportPage page = new ReportPage("kdbench report: " + name, board, cells, reported);
        page.claims(claimResults);
        page.reportCommand(command);
        page.unreadable(unreadable);
        List<ReportFigure> figures = ReportFigures.of(board, cells, images, page::note);
        ChartFiles.writeAll(charts, figures.stream()
                .map(f -> new ChartFiles.Chart(f.name(), f.drawing(), f.width(), f.height())).toList());
        figures.forEach(f -> page.add(f.section(), new Figure(f.name(), f.caption(), f.width())));
        AtomicFiles.writeString(reportDir.resolve(TableFormat.MARKDOWN.fileName()),
                (claims.isEmpty() ? "" : ClaimsTables.markdown(claimResults))
                        + LeaderboardTables.render(board, reported, TableFormat.MARKDOWN));
        AtomicFiles.writeString(reportDir.resolve(TableFormat.LATEX.fileName()),
                LeaderboardTables.render(board, reported, TableFormat.LATEX));
        AtomicFiles.writeString(reportDir.resolve(TidyTables.PER_SEED), TidyTables.perSeed(cells));
        AtomicFiles.writeString(reportDir.resolve(TidyTables.PER_CASE), TidyTables.perCase(cells));
        AtomicFiles.writeString(reportDir.resolve(TidyTables.LEARNING), TidyTables.learning(cells));
        AtomicFiles.writeString(reportDir.resolve(TidyTables.INTERVALS), TidyTables.intervals(board));
        if (!claims.isEmpty()) {
            AtomicFiles.writeString(reportDir.resolve(ClaimsTables.CSV), ClaimsTables.csv(claimResults));
        }
        Path index = reportDir.resolve(INDEX);
        AtomicFiles.writeString(index, page.render());
        return index;
    }

    /** The names of the report's figures, for {@code --figure}. */
    public List<String> figureNames(List<CellRecord> cells, ExperimentOrder order) {
        return ReportFigures.of(Leaderboard.of(cells, directions, order), cells, images, (s, n) -> { }).stream()
                .map(ReportFigure::name).toList();
    }

    /**
     * Writes one figure as {@code <name>.png}, {@code .svg} and {@code .pdf} into {@code dir} at the given width in
     * points (its height follows), or its page width when {@code width} is empty.
     *
     * @return the figure's height, or empty if the report has no figure of that name
     */
    public Optional<int[]> writeFigure(Path dir, String figure, Optional<Integer> width, List<CellRecord> cells,
                                       ExperimentOrder order) throws IOException {
        Optional<ReportFigure> f = ReportFigures.of(Leaderboard.of(cells, directions, order), cells, images, (s, n) -> { })
                .stream().filter(x -> x.name().equals(figure)).findFirst();
        if (f.isEmpty()) {
            return Optional.empty();
        }
        int w = width.orElse(f.get().width());
        int h = f.get().heightAt().applyAsInt(w);
        ChartFiles.write(dir, new ChartFiles.Chart(figure, f.get().drawing(), w, h));
        return Optional.of(new int[] {w, h});
    }

    /** A file-name-safe form of an id: hd95[monai] -> hd95-monai. */
    static String slug(String id) {
        return ReportFigures.slug(id);
    }
}
