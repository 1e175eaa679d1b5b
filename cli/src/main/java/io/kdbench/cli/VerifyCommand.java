package io.kdbench.cli;

import io.kdbench.env.ComputeBackend;
import io.kdbench.env.Environment;
import io.kdbench.registry.Registries;
import io.kdbench.run.CellRunner;
import io.kdbench.run.CellVerifier;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import io.kdbench.store.ResultsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kdbench verify DIR}: recomputes stored cells and compares them bit for bit. Exit 1 if any differs. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Recompute stored cells (all, or a random sample) and compare them bit for bit.")
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
        if (!Files.isDirectory(folder.resolve(ResultsStore.CELLS))) {
            throw new BadInputException(folder + ": not a results folder (no " + ResultsStore.CELLS + "/ inside)");
        }
        ClassLoader loader = Plugins.loader(with);
        Registries registries = Registries.load(loader);
        ComputeBackend backend = Environment.findBackend(loader);
        Environment env = Environment.detect(backend);
        List<CellRecord> stored = new ResultsStore(folder).readAll().stream()
                .filter(c -> c.status() != CellStatus.FAILED).toList();
        List<CellRecord> chosen = CellVerifier.sample(stored, sample, seed);
        CellVerifier verifier = new CellVerifier(registries, new CellRunner(registries, env, backend, "kdbench verify " + folder));
        int differing = 0;
        for (CellRecord cell : chosen) {
            String version = cell.provenance().environment().codeVersion();
            String note = version.equals(env.codeVersion()) ? "" : " (stored by " + version + ", now " + env.codeVersion() + ")";
            CellVerifier.Verdict v = verifier.verify(cell);
            String name = cell.spec().describeCell() + " [" + cell.hash() + "]";
            if (v.identical()) {
                System.out.println("identical  " + name + note);
            } else {
                differing++;
                System.out.println("DIFFERS    " + name + note);
                v.differences().forEach(d -> System.out.println("           " + d));
            }
        }
        System.out.printf("%d of %d cells verified identical%n", chosen.size() - differing, chosen.size());
        return differing == 0 ? 0 : 1;
    }
}
