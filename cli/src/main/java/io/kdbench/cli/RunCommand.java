package io.kdbench.cli;

import io.kdbench.env.ComputeBackend;
import io.kdbench.env.Environment;
import io.kdbench.experiment.Experiment;
import io.kdbench.experiment.ExperimentLoader;
import io.kdbench.registry.Registries;
import io.kdbench.reports.claims.ClaimResult;
import io.kdbench.reports.claims.ClaimsCheck;
import io.kdbench.reports.claims.ClaimsTables;
import io.kdbench.reports.model.ExperimentOrder;
import io.kdbench.reports.model.Leaderboard;
import io.kdbench.reports.model.MetricDirections;
import io.kdbench.reports.model.Reported;
import io.kdbench.run.CellExecutor;
import io.kdbench.run.CellRunner;
import io.kdbench.run.GridProgress;
import io.kdbench.run.GridRunner;
import io.kdbench.store.AtomicFiles;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import io.kdbench.store.ResultsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code kdbench run EXPERIMENT}: runs the grid, skipping stored cells, prints the leaderboard and writes the report.
 * Exit 0 when every cell is OK or skipped, 3 when some cell failed (the grid is finished all the same).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an experiment's grid (methods x datasets x seeds); stored cells are reused.",
                "Exit 0: every cell OK or skipped; 1: internal error; 2: bad input; 3: some cell failed (named on stderr)."})
final class RunCommand implements Callable<Integer> {
    /** Failed cells named in the final line; the leaderboard lists them all. */
    static final int NAMED_FAILURES = 3;

    @Parameters(paramLabel = "EXPERIMENT", description = "Experiment YAML file, e.g. experiments/quick.yaml.")
    Path experimentFile;

    @Option(names = "--force", description = "Recompute cells even if they are stored.")
    boolean force;

    @Option(names = "--with", paramLabel = "JAR", description = "Extra jar(s) whose methods, datasets or metrics join the run.")
    List<File> with;

    @Option(names = "--output", paramLabel = "DIR", description = "Results folder (default: the file's 'output', or results/<name>).")
    Path output;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(names = "--jobs", paramLabel = "N", description = "Cells computed at once (default: the number of"
            + " processors). Each cell's numbers are the same whatever N is.")
    Integer jobs;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Compute the cells as Apache Spark tasks, e.g."
            + " local[2], spark://HOST:7077, yarn, k8s://https://HOST:6443. This process is the driver: it stores each"
            + " cell as it comes back. --jobs is then the cells in flight (default: Spark's parallelism).")
    String spark;

    @Option(names = "--fast", description = "Leave oneDNN and OpenBLAS free to use the CPU's widest instruction set"
            + " (read by the kdbench launcher). Faster on AVX-512 machines; cells are then named by the CPU's"
            + " instruction set and recompute identically only on CPUs that have it.")
    boolean fast;

    @Override
    public Integer call() throws IOException {
        ClassLoader loader = Plugins.loader(with);
        Registries registries = Registries.load(loader);
        Experiment experiment = new ExperimentLoader(registries).load(experimentFile);
        Path root = output != null ? output : experiment.output();
        ResultsStore store = new ResultsStore(root);
        try {
            store.checkWritable();
            AtomicFiles.write(root.resolve("experiment.yaml"), Files.readAllBytes(experimentFile));
        } catch (IOException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        ComputeBackend backend = Environment.findBackend(loader);
        Environment environment = Environment.detect(backend);
        if (!environment.codeVersionKnown()) {
            System.err.println("kdbench: not in a git checkout of kdbench, so the code version is unknown: no stored cell"
                    + " is reused, every cell is computed (run from the checkout to reuse cells)");
        }
        GridProgress progress = quiet ? GridProgress.SILENT : new ProgressBarDisplay();
        CellRunner cells = new CellRunner(registries, environment, backend, commandLine());
        GridRunner runner = new GridRunner(registries, store, cells, progress);
        int n = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (n < 1) {
            throw new BadInputException("--jobs must be >= 1, got " + n);
        }
        GridRunner.Outcome outcome;
        if (spark == null) {
            outcome = runner.run(experiment, force, n);
        } else {
            try (CellExecutor cluster = ClusterExecutors.open("spark", spark, jobs, cells, with, loader)) {
                outcome = runner.run(experiment, force, cluster);
            }
        }

        ExperimentOrder order = ExperimentOrder.of(experiment);
        MetricDirections directions = MetricDirections.load(loader);
        Leaderboard board = Leaderboard.of(outcome.cells(), directions, order);
        String text = board.renderText();
        AtomicFiles.writeString(root.resolve("leaderboard.txt"), text);
        System.out.println();
        System.out.print(text);
        System.out.printf("%d cells: %d computed, %d reused from %s, %d skipped, %d failed%n",
                outcome.cells().size(), outcome.computed(), outcome.reused(), root, outcome.skipped(), outcome.failed());
        if (!experiment.claims().isEmpty()) {
            List<ClaimResult> claims = ClaimsCheck.of(experiment.claims(), outcome.cells(), directions);
            AtomicFiles.writeString(root.resolve(ClaimsTables.CSV), ClaimsTables.csv(claims));
            System.out.println();
            System.out.print(ClaimsTables.text(claims));
        }
        Path index = ReportCommand.write(root, experiment.name(), outcome.cells(), List.of(), new Reported(experiment.reported()),
                experiment.claims(), order, loader, commandLine() + "   (same report from the stored cells: kdbench report " + root + ")");
        System.out.println("report: " + index);
        List<CellRecord> failed = outcome.cells().stream().filter(c -> c.status() == CellStatus.FAILED).toList();
        if (failed.isEmpty()) {
            return ExitCodes.OK;
        }
        System.err.println(failedLine(failed, outcome.cells().size()));
        return ExitCodes.CELLS_FAILED;
    }

    /** "kdbench: 2 of 12 cells failed: m / d / seed 1 (reason); ... and 1 more; a rerun tries them again". */
    static String failedLine(List<CellRecord> failed, int total) {
        StringBuilder sb = new StringBuilder("kdbench: ").append(failed.size()).append(" of ").append(total)
                .append(total == 1 ? " cell failed: " : " cells failed: ");
        for (int i = 0; i < Math.min(NAMED_FAILURES, failed.size()); i++) {
            CellRecord c = failed.get(i);
            sb.append(i == 0 ? "" : "; ").append(c.spec().describeCell()).append(" (")
                    .append(c.reason().replaceAll("\\s+", " ")).append(')');
        }
        if (failed.size() > NAMED_FAILURES) {
            sb.append("; and ").append(failed.size() - NAMED_FAILURES).append(" more (listed under the leaderboard)");
        }
        return sb.append("; a rerun tries them again").toString();
    }

    private String commandLine() {
        StringBuilder sb = new StringBuilder("kdbench run ").append(experimentFile);
        if (force) {
            sb.append(" --force");
        }
        if (fast) {
            sb.append(" --fast");
        }
        if (spark != null) {
            sb.append(" --spark ").append(spark);
        }
        if (output != null) {
            sb.append(" --output ").append(output);
        }
        if (with != null) {
            with.forEach(j -> sb.append(" --with ").append(j));
        }
        return sb.toString();
    }
}
