package io.kdbench.cli;

import io.kdbench.reports.MetricDirections;
import io.kdbench.reports.gate.GateResult;
import io.kdbench.reports.gate.GateText;
import io.kdbench.reports.gate.RegressionGate;
import io.kdbench.store.CellRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

/**
 * {@code kdbench compare}: the regression gate. Exit 0 when nothing is significantly worse beyond the margin,
 * 1 when something is (or a row stopped learning), 2 on bad input. Rows compared with one that did not learn are
 * listed as not evidence and do not fail the gate.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"The regression gate: paired comparison over seeds of every method, dataset and metric in both "
                + "folders; exit 1 if anything is significantly worse beyond the margin, 0 if not, 2 on bad input.",
                "With --method NEW --against X: is NEW worse than X (X read from --baseline, or from --candidate)?",
                "Margin: --margin, or else the standard deviation of the baseline's values over seeds.",
                "A candidate row that stops learning is worse; a row compared with one that did not learn is not evidence."})
final class CompareCommand implements Callable<Integer> {
    static final int WORSE = 1;

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
        List<CellRecord> cand = ResultsFolder.cells(candidate, "--candidate ");
        List<CellRecord> base = baseline == null ? cand : ResultsFolder.cells(baseline, "--baseline ");
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
        System.out.print(json ? GateText.json(result) : GateText.table(result));
        return result.passed() ? 0 : WORSE;
    }
}
