package io.kdbench.cli;

import io.kdbench.experiment.ConfigException;
import io.kdbench.experiment.Experiment;
import io.kdbench.registry.Registries;
import io.kdbench.reports.MetricDirections;
import io.kdbench.reports.ReportWriter;
import io.kdbench.reports.Reported;
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
        description = {"Write results/<experiment>/report/: index.html with charts (PNG and SVG), the leaderboard as "
                + "Markdown and LaTeX, per_seed.csv, per_case.csv and learning.csv.",
                "Unreadable cell files are named on stderr and on the page, and left out (exit 0 all the same)."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "A results folder, e.g. results/quick.")
    Path dir;

    @Option(names = "--with", paramLabel = "JAR", description = "Plug-in jar(s) the experiment used (their metrics' directions).")
    List<File> with;

    @Override
    public Integer call() throws IOException {
        ClassLoader loader = Plugins.loader(with);
        StoreContents contents = ResultsFolder.open(dir, "");
        ResultsFolder.nameUnreadable(contents.unreadable());
        List<CellRecord> cells = ResultsFolder.latest(contents, dir, "");
        Optional<Experiment> experiment = experiment(dir, loader);
        String name = experiment.map(Experiment::name).orElse(String.valueOf(dir.toAbsolutePath().normalize().getFileName()));
        Reported reported = new Reported(experiment.map(Experiment::reported).orElse(java.util.Map.of()));
        Path index = write(dir, name, cells, contents.unreadable(), reported, loader, command());
        System.out.println("report: " + index);
        return ExitCodes.OK;
    }

    static Path write(Path results, String name, List<CellRecord> cells, List<UnreadableCell> unreadable,
                      Reported reported, ClassLoader loader, String command) throws IOException {
        return new ReportWriter(MetricDirections.load(loader), new RegeneratedCases(Registries.load(loader)))
                .write(results.resolve(ReportWriter.DIR), name, cells, unreadable, reported, command);
    }

    /** The experiment file the run copied beside the cells, for its name and reported values; absent if unreadable. */
    private static Optional<Experiment> experiment(Path dir, ClassLoader loader) {
        try {
            return ResultsFolder.experiment(dir, Registries.load(loader));
        } catch (ConfigException e) {
            System.err.println("kdbench report: cannot re-read " + dir.resolve(ResultsFolder.EXPERIMENT_FILE) + " ("
                    + e.getMessage() + "); reported values are not shown. Pass --with JAR if it names a plug-in.");
            return Optional.empty();
        }
    }

    private String command() {
        StringBuilder sb = new StringBuilder("kdbench report ").append(dir);
        if (with != null) {
            with.forEach(j -> sb.append(" --with ").append(j));
        }
        return sb.toString();
    }
}
