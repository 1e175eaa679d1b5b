package io.kdbench.cli;

import io.kdbench.experiment.Claim;
import io.kdbench.experiment.ConfigException;
import io.kdbench.experiment.Experiment;
import io.kdbench.registry.Registries;
import io.kdbench.reports.ReportWriter;
import io.kdbench.reports.model.ExperimentOrder;
import io.kdbench.reports.model.MetricDirections;
import io.kdbench.reports.model.Reported;
import io.kdbench.store.CellRecord;
import io.kdbench.store.StoreContents;
import io.kdbench.store.UnreadableCell;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code kdbench report DIR}: writes DIR/report/ (index.html, charts, tables) from the stored cells. Unreadable cell
 * files are named on stderr and on the page, and the report is written from the others (exit 0): a report is a view,
 * {@code verify} is the check that fails on them.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write results/<experiment>/report/ (or --output DIR): index.html with charts (PNG, SVG and PDF), "
                + "the leaderboard as Markdown and LaTeX, per_seed.csv, per_case.csv, learning.csv and intervals.csv; "
                + "with claims in DIR/experiment.yaml, a Claims section first and claims.csv.",
                "With --figure NAME, write only that figure (NAME.png, .svg, .pdf) at --width, into --output or the "
                + "report's charts/ folder.",
                "Unreadable cell files are named on stderr and on the page, and left out (exit 0 all the same)."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "A results folder, e.g. results/quick.")
    Path dir;

    @Option(names = "--with", paramLabel = "JAR", description = "Plug-in jar(s) the experiment used (their metrics' directions).")
    List<File> with;

    @Option(names = "--output", paramLabel = "DIR", description = "Write the report (or the --figure) here instead of DIR/report/.")
    Path output;

    @Option(names = "--figure", paramLabel = "NAME", description = "Write only this figure, named as under each chart "
            + "of the page (e.g. metrics-cxr-report, params-fetal-us, loss-knee-mr-federated).")
    String figure;

    @Option(names = "--width", paramLabel = "PT", description = "With --figure: its width in points (PDF, SVG) and "
            + "pixels (the PNG has twice as many), e.g. 252 for one column of a two-column paper; the height follows.")
    Integer width;

    @Override
    public Integer call() throws IOException {
        if (width != null && figure == null) {
            throw new BadInputException("--width needs --figure NAME");
        }
        if (width != null && (width < 100 || width > 4000)) {
            throw new BadInputException("--width must be 100..4000 points, got " + width);
        }
        ClassLoader loader = Plugins.loader(with);
        StoreContents contents = ResultsFolder.open(dir, "");
        ResultsFolder.nameUnreadable(contents.unreadable());
        List<CellRecord> cells = ResultsFolder.latest(contents, dir, "");
        Optional<Experiment> experiment = experiment(dir, loader);
        ExperimentOrder order = experiment.map(ExperimentOrder::of).orElse(ExperimentOrder.NONE);
        if (figure != null) {
            return writeFigure(cells, order, loader);
        }
        String name = experiment.map(Experiment::name).orElse(String.valueOf(dir.toAbsolutePath().normalize().getFileName()));
        Reported reported = new Reported(experiment.map(Experiment::reported).orElse(java.util.Map.of()));
        Path reportDir = output != null ? output : dir.resolve(ReportWriter.DIR);
        List<Claim> claims = experiment.map(Experiment::claims).orElse(List.of());
        Path index = writer(loader).write(reportDir, name, cells, contents.unreadable(), reported, claims, order, command());
        System.out.println("report: " + index);
        return ExitCodes.OK;
    }

    private int writeFigure(List<CellRecord> cells, ExperimentOrder order, ClassLoader loader) throws IOException {
        ReportWriter writer = writer(loader);
        Path target = output != null ? output : dir.resolve(ReportWriter.DIR).resolve("charts");
        Optional<int[]> size = writer.writeFigure(target, figure, Optional.ofNullable(width), cells, order);
        if (size.isEmpty()) {
            throw new BadInputException("--figure " + figure + ": this report has no such figure; it has: "
                    + String.join(", ", writer.figureNames(cells, order)));
        }
        for (String ext : List.of("png", "svg", "pdf")) {
            System.out.println("figure: " + target.resolve(figure + "." + ext));
        }
        System.out.printf("size: %d x %d pt%n", size.get()[0], size.get()[1]);
        return ExitCodes.OK;
    }

    static Path write(Path results, String name, List<CellRecord> cells, List<UnreadableCell> unreadable,
                      Reported reported, List<Claim> claims, ExperimentOrder order, ClassLoader loader, String command)
            throws IOException {
        return writer(loader).write(results.resolve(ReportWriter.DIR), name, cells, unreadable, reported, claims, order,
                command);
    }

    private static ReportWriter writer(ClassLoader loader) {
        return new ReportWriter(MetricDirections.load(loader), new RegeneratedCases(Registries.load(loader)));
    }

    /** The experiment file the run copied beside the cells, for its name, reported values and claims; absent if unreadable. */
    private static Optional<Experiment> experiment(Path dir, ClassLoader loader) {
        try {
            return ResultsFolder.experiment(dir, Registries.load(loader));
        } catch (ConfigException e) {
            System.err.println("kdbench report: cannot re-read " + dir.resolve(ResultsFolder.EXPERIMENT_FILE) + " ("
                    + e.getMessage() + "); reported values and claims are not shown. Pass --with JAR if it names a plug-in.");
            return Optional.empty();
        }
    }

    private String command() {
        StringBuilder sb = new StringBuilder("kdbench report ").append(dir);
        if (output != null) {
            sb.append(" --output ").append(output);
        }
        if (with != null) {
            with.forEach(j -> sb.append(" --with ").append(j));
        }
        return sb.toString();
    }
}
