package io.kdbench.cli;

import io.kdbench.experiment.Experiment;
import io.kdbench.experiment.ExperimentLoader;
import io.kdbench.registry.Registries;
import io.kdbench.reports.claims.ClaimResult;
import io.kdbench.reports.claims.ClaimsCheck;
import io.kdbench.reports.model.MetricDirections;
import io.kdbench.run.GridRunner;
import io.kdbench.store.ResultsStore;
import io.kdbench.store.StoreContents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The claims tables that the README and docs/results.md show are the committed standard store's, number for number:
 * a store regenerated without its tables rewritten (or a table edited by hand) fails here.
 */
class ResultsDocsTest {
    private static final Path ROOT = DocsLinksTest.repositoryRoot();
    private static List<ClaimResult> results;

    @BeforeAll
    static void testTheCommittedStore() {
        Path store = ROOT.resolve("results/baselines/standard");
        Experiment e = new ExperimentLoader(Registries.load()).load(store.resolve("experiment.yaml"));
        StoreContents grid = new ResultsStore(store).contents().of(GridRunner.specs(e));
        results = ClaimsCheck.of(e.claims(), grid.latestPerSpec(), MetricDirections.load());
        assertEquals(e.claims().size(), results.size());
    }

    @Test
    void theReadmesResultsTableIsTheStandardStores() throws IOException {
        checkTable("README.md", "## Results: the papers' claims");
    }

    @Test
    void theRecordsClaimsTableIsTheStandardStores() throws IOException {
        checkTable("docs/results.md", "## The standard experiment: the papers' claims tested");
    }

    @Test
    void aStaleNumberIsFound() {
        ClaimResult r = results.get(0);
        List<String> cells = List.of("`" + r.claim().id() + "`", "10", "+0.999 [+0.900, +1.000]", "0.001", "reproduced");
        assertTrue(problems(r, cells).contains("diff"), problems(r, cells));
    }

    /** Every claim has one row in the section's table, with the store's seeds, difference, Holm p and verdict. */
    private static void checkTable(String file, String heading) throws IOException {
        Map<String, List<String>> rows = tableRows(Files.readAllLines(ROOT.resolve(file)), heading);
        assertEquals(results.stream().map(r -> r.claim().id()).sorted().toList(), rows.keySet().stream().sorted().toList(),
                file + ": one row per claim of the standard experiment");
        for (ClaimResult r : results) {
            String problems = problems(r, rows.get(r.claim().id()));
            assertEquals("", problems, file + ", claim " + r.claim().id() + ": " + rows.get(r.claim().id()));
        }
    }

    /** The columns (of seeds, difference, Holm p, verdict) whose value the row lacks, or "". */
    static String problems(ClaimResult r, List<String> cells) {
        List<String> plain = cells.stream().map(c -> c.replace("**", "").replace('−', '-').trim()).toList();
        StringBuilder missing = new StringBuilder();
        boolean count = Double.isNaN(r.meanDifference());
        String seeds = count ? "-" : Integer.toString(r.n());
        String diff = count
                ? String.format(Locale.ROOT, "%,d vs %,d params", r.rowParameters(), r.againstParameters())
                : String.format(Locale.ROOT, "%+.3f [%+.3f, %+.3f]", r.meanDifference(), r.interval().lower(),
                r.interval().upper());
        if (!plain.contains(seeds)) {
            missing.append("seeds ");
        }
        if (!plain.contains(diff)) {
            missing.append("diff ");
        }
        if (!plain.stream().anyMatch(c -> holmMatches(r.holmP(), c))) {
            missing.append("holm ");
        }
        if (!plain.contains(r.verdict().text())) {
            missing.append("verdict ");
        }
        return missing.toString().trim();
    }

    /** "-" for no p; "< 0.001" or "0.000" below 0.001; else the value to 3 decimals. */
    private static boolean holmMatches(double holm, String cell) {
        if (Double.isNaN(holm)) {
            return cell.equals("-");
        }
        if (holm < 0.001 && (cell.equals("< 0.001") || cell.equals("0.000"))) {
            return true;
        }
        return cell.equals(String.format(Locale.ROOT, "%.3f", holm));
    }

    /** The rows of the tables under the heading (up to the next heading of its level), by the claim id they start with. */
    private static Map<String, List<String>> tableRows(List<String> lines, String heading) {
        int start = lines.indexOf(heading);
        assertTrue(start >= 0, "no heading '" + heading + "'");
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith(level)) {
                break;
            }
            if (line.startsWith("| `")) {
                List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::trim)
                        .toList();
                String id = cells.get(0).replace("`", "");
                assertTrue(rows.put(id, cells) == null, "claim " + id + " has two rows under " + heading);
            }
        }
        return rows;
    }
}
