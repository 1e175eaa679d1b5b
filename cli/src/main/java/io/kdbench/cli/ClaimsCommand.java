package io.kdbench.cli;

import io.kdbench.experiment.Experiment;
import io.kdbench.experiment.ExperimentLoader;
import io.kdbench.registry.Registries;
import io.kdbench.reports.claims.ClaimResult;
import io.kdbench.reports.claims.ClaimsCheck;
import io.kdbench.reports.claims.ClaimsTables;
import io.kdbench.reports.model.MetricDirections;
import io.kdbench.run.GridRunner;
import io.kdbench.store.CellRecord;
import io.kdbench.store.StoreContents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code kdbench claims DIR}: tests the claims of an experiment file on the cells stored in DIR and prints a verdict
 * for each. It only reads: no cell is computed. The claims come from {@code --experiment FILE}, else from the
 * {@code experiment.yaml} the run copied into DIR; the cells tested are those of that file's grid (same spec,
 * whatever code version stored them). Exit 0 when the table is printed, 2 on bad input.
 */
@Command(name = "claims", mixinStandardHelpOptions = true,
        description = {"Test an experiment's claims on stored cells: per claim the paired difference over seeds with its "
                + "95%% interval, p, Holm-adjusted p, the minimum detectable effect and a verdict (reproduced, "
                + "contradicted, inconclusive, not evidence). Reads only; computes no cell.",
                "Claims come from --experiment FILE, else from DIR/experiment.yaml; the cells are those of that file's grid.",
                "Exit 0: printed; 2: bad input (no claims, no results folder, an unreadable cell file unless "
                        + "--ignore-unreadable)."})
final class ClaimsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "A results folder, e.g. results/baselines/quick.")
    Path dir;

    @Option(names = "--experiment", paramLabel = "FILE", description = "Take the claims (and the grid) from this "
            + "experiment file instead of DIR/experiment.yaml, e.g. experiments/quick.yaml.")
    Path experimentFile;

    @Option(names = "--json", description = "Print the result as JSON (the columns of claims.csv).")
    boolean json;

    @Option(names = "--with", paramLabel = "JAR", description = "Plug-in jar(s) the experiment names.")
    List<File> with;

    @Option(names = "--ignore-unreadable", description = "Test without cell files that cannot be read (they are still "
            + "named on stderr) instead of stopping with exit 2.")
    boolean ignoreUnreadable;

    @Override
    public Integer call() {
        ClassLoader loader = Plugins.loader(with);
        StoreContents contents = ResultsFolder.open(dir, "");
        ResultsFolder.stopOnUnreadable(contents.unreadable(), ignoreUnreadable, "test the claims");
        Path file = experimentFile != null ? experimentFile : dir.resolve(ResultsFolder.EXPERIMENT_FILE);
        Experiment experiment = new ExperimentLoader(Registries.load(loader)).load(file);
        if (experiment.claims().isEmpty()) {
            throw new BadInputException(file + ": states no claims; add a 'claims:' list (docs/experiments.md, \"Claims\")"
                    + (experimentFile == null ? ", or take them from another file with --experiment FILE" : ""));
        }
        StoreContents grid = contents.of(GridRunner.specs(experiment));
        if (grid.cells().isEmpty()) {
            throw new BadInputException(dir + ": holds no cell of the grid of " + file
                    + " (its rows, datasets, parameters, seeds and metrics)");
        }
        List<CellRecord> cells = grid.latestPerSpec();
        int outside = contents.cells().size() - grid.cells().size();
        if (outside > 0) {
            System.err.println("kdbench: " + outside + " stored cell(s) are not in the grid of " + file
                    + " (other parameters, seeds or metrics) and are left out");
        }
        List<ClaimResult> results = ClaimsCheck.of(experiment.claims(), cells, MetricDirections.load(loader));
        System.out.print(json ? ClaimsTables.json(results) : "claims of " + file + " on " + dir + "\n\n"
                + ClaimsTables.text(results));
        return ExitCodes.OK;
    }
}
