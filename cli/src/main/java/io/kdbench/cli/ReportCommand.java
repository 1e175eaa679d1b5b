package io.kdbench.cli;

import io.kdbench.experiment.ConfigException;
import io.kdbench.experiment.Experiment;
import io.kdbench.experiment.ExperimentLoader;
import io.kdbench.registry.Registries;
import io.kdbench.reports.MetricDirections;
import io.kdbench.reports.ReportWriter;
import io.kdbench.reports.Reported;
import io.kdbench.store.CellRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code kdbench report DIR}: writes DIR/report/ (index.html, charts, tables) from the stored cells. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write results/<experiment>/report/: index.html with charts (PNG and SVG), the leaderboard as "
                + "Markdown and LaTeX, per_seed.csv, per_case.csv and learning.csv.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "A results folder, e.g. results/quick.")
    Path dir;

    @Option(names = "--with", paramLabel = "JAR", description = "Plug-in jar(s) the experiment used (their metrics' directions).")
    List<File> with;

    @Override
    public Integer call() throws IOException {
        ClassLoader loader = Plugins.loader(with);
        List<CellRecord> cells = ResultsFolder.cells(dir, "");
        Optional<Experiment> experiment = experiment(dir.resolve("experiment.yaml"), loader);
        String name = experiment.map(Experiment::name).orElse(String.valueOf(dir.toAbsolutePath().normalize().getFileName()));
        Reported reported = new Reported(experiment.map(Experiment::reported).orElse(java.util.Map.of()));
        Path index = write(dir, name, cells, reported, loader, command());
        System.out.println("report: " + index);
        return 0;
    }

    static Path write(Path results, String name, List<CellRecord> cells, Reported reported, ClassLoader loader,
                      String command) throws IOException {
        return new ReportWriter(MetricDirections.load(loader), new RegeneratedCases(Registries.load(loader)))
                .write(results.resolve(ReportWriter.DIR), name, cells, reported, command);
    }

    /** The experiment file the run copied beside the cells, for its name and reported values; absent if unreadable. */
    private static Optional<Experiment> experiment(Path file, ClassLoader loader) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ExperimentLoader(Registries.load(loader)).load(file));
        } catch (ConfigException e) {
            System.err.println("kdbench report: cannot re-read " + file + " (" + e.getMessage()
                    + "); reported values are not shown. Pass --with JAR if it names a plug-in.");
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
