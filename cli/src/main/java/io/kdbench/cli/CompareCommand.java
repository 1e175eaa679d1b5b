package io.kdbench.cli;

import io.kdbench.env.Environment;
import io.kdbench.reports.gate.GateResult;
import io.kdbench.reports.gate.GateText;
import io.kdbench.reports.gate.RegressionGate;
import io.kdbench.reports.model.MetricDirections;
import io.kdbench.store.CellRecord;
import io.kdbench.store.StoreContents;
import io.kdbench.store.UnreadableCell;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code kdbench compare}: the regression gate. Exit 0 when nothing is significantly worse beyond the margin,
 * 1 when something is (or a row stopped learning), 2 on bad input (including an unreadable cell file, unless
 * {@code --ignore-unreadable}). Rows compared with one that did not learn are listed as not evidence and do not fail
 * the gate. Cells of different code versions or compute identities are compared with a warning naming both.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"The regression gate: paired comparison over seeds of every method, dataset and metric in both "
                + "folders; exit 1 if anything is significantly worse beyond the margin, 0 if not, 2 on bad input.",
                "With --method NEW --against X: is NEW worse than X (X read from --baseline, or from --candidate)?",
                "Margin: --margin, or else the standard deviation of the baseline's values over seeds.",
                "A candidate row that stops learning is worse; a row compared with one that did not learn is not evidence.",
                "An unreadable cell file is bad input (exit 2) unless --ignore-unreadable."})
final class CompareCommand implements Callable<Integer> {
    static final int WORSE = ExitCodes.FAILED;

    @Option(names = "--baseline", paramLabel = "DIR", description = "Results folder of the baseline (e.g. results/baselines/quick).")
    Path baseline;

    @Option(names = "--candidate", paramLabel = "DIR", required = true, description = "Results folder of the candidate.")
    Path candidate;

    @Option(names = "--margin", paramLabel = "M", description = "Margin of equivalence in metric units (default: the baseline's seed sd).")
    Double margin;

    @Option(names = "--method", paramLabel = "NEW", description = "Compare this method of the candidate ...")
    String method;

    @Option(names = "--against", paramLabel = "X", description = "... against this method.")
    String against;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--with", paramLabel = "JAR", description = "Plug-in jar(s) whose metrics the folders hold.")
    List<File> with;

    @Option(names = "--ignore-unreadable", description = "Compare without cell files that cannot be read (they are"
            + " still named on stderr) instead of stopping with exit 2.")
    boolean ignoreUnreadable;

    @Override
    public Integer call() {
        if ((method == null) != (against == null)) {
            throw new BadInputException("--method and --against go together");
        }
        if (method == null && baseline == null) {
            throw new BadInputException("give --baseline DIR (or --method NEW --against X to compare two methods)");
        }
        if (margin != null && !(margin >= 0)) {
            throw new BadInputException("--margin must be a number >= 0, got " + margin);
        }
        ClassLoader loader = Plugins.loader(with);
        StoreContents candContents = ResultsFolder.open(candidate, "--candidate ");
        StoreContents baseContents = baseline == null ? candContents : ResultsFolder.open(baseline, "--baseline ");
        Set<UnreadableCell> unreadable = new LinkedHashSet<>(baseContents.unreadable());
        unreadable.addAll(candContents.unreadable());
        ResultsFolder.stopOnUnreadable(unreadable, ignoreUnreadable, "compare");
        List<CellRecord> cand = ResultsFolder.latest(candContents, candidate, "--candidate ");
        List<CellRecord> base = baseline == null ? cand : ResultsFolder.latest(baseContents, baseline, "--baseline ");
        RegressionGate gate = new RegressionGate(MetricDirections.load(loader),
                margin == null ? OptionalDouble.empty() : OptionalDouble.of(margin), RegressionGate.ALPHA);
        GateResult result;
        try {
            result = method == null
                    ? gate.compareStores(baseline.toString(), base, candidate.toString(), cand)
                    : gate.compareMethods(candidate.toString(), cand, method,
                            (baseline == null ? candidate : baseline).toString(), base, against);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        provenanceWarning(method == null ? base : rows(base, against), method == null ? cand : rows(cand, method))
                .ifPresent(System.err::println);
        System.out.print(json ? GateText.json(result) : GateText.table(result));
        return result.passed() ? ExitCodes.OK : WORSE;
    }

    private static List<CellRecord> rows(List<CellRecord> cells, String label) {
        return cells.stream().filter(c -> c.spec().method().equals(label)).toList();
    }

    /**
     * One line when the two sides were computed by different code or on a different compute identity: then a change
     * may come from the code or the machine, not from the method alone.
     */
    static Optional<String> provenanceWarning(List<CellRecord> base, List<CellRecord> cand) {
        List<String> differences = new ArrayList<>();
        differ("code versions", base, cand, Environment::codeVersion).ifPresent(differences::add);
        differ("compute identities", base, cand, Environment::computeIdentity).ifPresent(differences::add);
        return differences.isEmpty() ? Optional.empty() : Optional.of("kdbench: WARNING: baseline and candidate cells"
                + " come from different " + String.join(" and ", differences)
                + ": a difference may come from the code or the machine, not only from the method");
    }

    /** "code versions (baseline: a; candidate: b)" when the two sides' values of a fact differ. */
    private static Optional<String> differ(String facts, List<CellRecord> base, List<CellRecord> cand,
                                           Function<Environment, String> fact) {
        Set<String> b = values(base, fact);
        Set<String> c = values(cand, fact);
        return b.isEmpty() || c.isEmpty() || b.equals(c) ? Optional.empty()
                : Optional.of(facts + " (baseline: " + String.join(", ", b) + "; candidate: " + String.join(", ", c) + ")");
    }

    private static Set<String> values(List<CellRecord> cells, Function<Environment, String> fact) {
        Set<String> out = new TreeSet<>();
        cells.forEach(c -> out.add(fact.apply(c.provenance().environment())));
        return out;
    }
}
