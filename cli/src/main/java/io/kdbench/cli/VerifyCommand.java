package io.kdbench.cli;

import io.kdbench.env.ComputeBackend;
import io.kdbench.env.Environment;
import io.kdbench.experiment.ConfigException;
import io.kdbench.experiment.Experiment;
import io.kdbench.registry.Registries;
import io.kdbench.run.CellRunner;
import io.kdbench.run.CellVerifier;
import io.kdbench.run.GridRunner;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import io.kdbench.store.RunSpec;
import io.kdbench.store.StoreContents;
import io.kdbench.store.UnreadableCell;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * {@code kdbench verify DIR}: checks a results folder and recomputes its cells bit for bit. Exit 1 if any cell file is
 * unreadable, any cell of the experiment's grid is missing, any cell cannot be recomputed, or any differs; one line
 * each, saying which.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Recompute stored cells (all, or a random sample) and compare them bit for bit.",
                "Exit 1 if a cell differs, a cell file is unreadable, a cell of the experiment's grid (experiment.yaml)"
                        + " is missing, or a cell cannot be recomputed; 0 if every check passes; 2 on bad input."})
final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "A results folder, e.g. results/quick.")
    Path folder;

    @Option(names = "--sample", paramLabel = "N", description = "Verify N cells drawn at random (default: all).")
    int sample;

    @Option(names = "--seed", description = "Seed of the random sample (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--with", paramLabel = "JAR", description = "Extra jar(s) the cells' methods came from.")
    List<File> with;

    @Option(names = "--fast", description = "Leave oneDNN and OpenBLAS free to use the CPU's widest instruction set"
            + " (read by the kdbench launcher). Faster on AVX-512 machines; cells are then named by the CPU's"
            + " instruction set and recompute identically only on CPUs that have it.")
    boolean fast;

    @Override
    public Integer call() {
        StoreContents contents = ResultsFolder.open(folder, "");
        ClassLoader loader = Plugins.loader(with);
        Registries registries = Registries.load(loader);
        ComputeBackend backend = Environment.findBackend(loader);
        Environment env = Environment.detect(backend);

        for (UnreadableCell u : contents.unreadable()) {
            System.out.println("UNREADABLE " + u.file() + ": " + u.problem());
        }
        OptionalInt missing = missing(contents, registries, env);

        List<CellRecord> stored = contents.cells().stream().filter(c -> c.status() != CellStatus.FAILED).toList();
        List<CellRecord> chosen = CellVerifier.sample(stored, sample, seed);
        CellVerifier verifier = new CellVerifier(registries, new CellRunner(registries, env, backend, "kdbench verify " + folder));
        int differing = 0;
        int cannot = 0;
        for (CellRecord cell : chosen) {
            String version = cell.provenance().environment().codeVersion();
            String note = version.equals(env.codeVersion()) ? "" : " (stored by " + version + ", now " + env.codeVersion() + ")";
            String name = cell.spec().describeCell() + " [" + cell.hash() + "]";
            CellVerifier.Verdict v = verifier.verify(cell);
            if (v.cannotRecompute() != null) {
                cannot++;
                System.out.println("CANNOT     " + name + ": " + v.cannotRecompute());
            } else if (v.identical()) {
                System.out.println("identical  " + name + note);
            } else {
                differing++;
                System.out.println("DIFFERS    " + name + note);
                v.differences().forEach(d -> System.out.println("           " + d));
                v.environment().forEach(d -> System.out.println("           " + d));
            }
        }
        int failedCells = contents.cells().size() - stored.size();
        System.out.printf("%d of %d cells verified identical; %d differ, %d unreadable, %s, %d cannot be recomputed%s%n",
                chosen.size() - differing - cannot, chosen.size(), differing, contents.unreadable().size(),
                missing.isPresent() ? missing.getAsInt() + " missing" : "the grid not checked", cannot,
                failedCells == 0 ? "" : " (" + failedCells + " failed cells not recomputed)");
        boolean ok = differing == 0 && cannot == 0 && missing.orElse(1) == 0 && contents.unreadable().isEmpty();
        return ok ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /**
     * Prints a line for each cell the experiment's grid expects and the folder does not hold; returns how many: 0
     * without an experiment file (nothing to expect), empty when it no longer loads (completeness cannot be checked,
     * which fails verify too).
     */
    private OptionalInt missing(StoreContents contents, Registries registries, Environment env) {
        Optional<Experiment> experiment;
        try {
            experiment = ResultsFolder.experiment(folder, registries);
        } catch (ConfigException e) {
            System.out.println("UNCHECKED  the grid: cannot re-read " + folder.resolve(ResultsFolder.EXPERIMENT_FILE)
                    + " (" + e.getMessage() + "); pass --with JAR if it names a plug-in");
            return OptionalInt.empty();
        }
        if (experiment.isEmpty()) {
            System.err.println("kdbench verify: no " + ResultsFolder.EXPERIMENT_FILE + " in " + folder
                    + ": the stored cells are verified, but not whether the grid is complete");
            return OptionalInt.of(0);
        }
        List<RunSpec> absent = contents.missing(GridRunner.specs(experiment.get()), env.codeVersion(), env.computeIdentity());
        absent.forEach(spec -> System.out.println("MISSING    " + spec.describeCell() + ": the experiment's grid expects it,"
                + " no cell of it is stored"));
        return OptionalInt.of(absent.size());
    }
}
