package io.kdbench.experiment;

import io.kdbench.api.EmptyPolicy;
import io.kdbench.registry.Registries;
import io.kdbench.run.GridRunner;
import io.kdbench.store.RunSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentLoaderTest {
    @TempDir
    Path dir;

    private final ExperimentLoader loader = new ExperimentLoader(Registries.load());

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("exp.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private static final String VALID = """
            name: demo
            seeds: [1, 2]
            metrics: [accuracy, auroc]
            methods:
              - id: fake-method
                params: {scale: 2}
              - id: fake-method
                label: fake-strong
                params: {scale: 5.5}
            datasets:
              - fake-data
            """;

    @Test
    void readsAValidFile() throws IOException {
        Experiment e = loader.load(write(VALID));
        assertEquals("demo", e.name());
        assertEquals(Path.of("results", "demo"), e.output());
        assertEquals(List.of(1L, 2L), e.seeds());
        assertEquals(EmptyPolicy.NAN, e.emptyPolicy());
        assertEquals(2.0, e.methods().get(0).params().getDouble("scale"));
        assertEquals("fake-strong", e.methods().get(1).label());
        assertEquals(20, e.datasets().get(0).params().getInt("n"), "defaults fill unset params");
        assertEquals(4, e.cellCount());
    }

    private String errorOf(String yaml) throws IOException {
        Path f = write(yaml);
        ConfigException ex = assertThrows(ConfigException.class, () -> loader.load(f));
        assertTrue(ex.getMessage().startsWith(f.toString()), ex.getMessage());
        return ex.getMessage();
    }

    @Test
    void unknownTopLevelKeyNamesLineAndValidKeys() throws IOException {
        String msg = errorOf(VALID + "seedz: [3]\n");
        assertTrue(msg.contains(":12: unknown key 'seedz'"), msg);
        assertTrue(msg.contains("valid: name, output, seeds"), msg);
    }

    @Test
    void unknownMethodIdListsChoices() throws IOException {
        String msg = errorOf(VALID.replace("  - id: fake-method\n    params: {scale: 2}", "  - id: no-such"));
        assertTrue(msg.contains(":5: unknown method 'no-such'"), msg);
        assertTrue(msg.contains("valid: fake-method"), msg);
    }

    @Test
    void unknownMetricIdListsChoices() throws IOException {
        String msg = errorOf(VALID.replace("[accuracy, auroc]", "[accuracy, dcie]"));
        assertTrue(msg.contains(":3: unknown metric 'dcie'"), msg);
        assertTrue(msg.contains("dice"), msg);
    }

    @Test
    void wrongParameterTypeIsRefused() throws IOException {
        String msg = errorOf(VALID.replace("{scale: 2}", "{scale: big}"));
        assertTrue(msg.contains(":6: fake-method.scale must be a number"), msg);
    }

    @Test
    void everyTypeErrorShowsTheValueFound() throws IOException {
        String msg = errorOf(VALID.replace("{scale: 2}", "3"));
        assertTrue(msg.contains(":6: params of fake-method must be a mapping with keys [scale, diverge, steps]; got '3'"),
                msg);
        msg = errorOf(VALID.replace("seeds: [1, 2]", "seeds: 5"));
        assertTrue(msg.contains(":2: seeds must be a list, e.g. seeds: [a, b]; got '5'"), msg);
        msg = errorOf(VALID.replace("name: demo", "name: [a, b]"));
        assertTrue(msg.contains(":1: name must be a single value; got a list"), msg);
        msg = errorOf(VALID.replace("name: demo", "name:"));
        assertTrue(msg.contains(":1: name must be a single value; got nothing"), msg);
        msg = errorOf(VALID.replace("{scale: 2}", "{steps: 3000000000}"));
        assertTrue(msg.contains(":6: fake-method.steps is out of the integer range; got 3000000000"), msg);
        msg = errorOf(VALID.replace("{scale: 2}", "{steps: 2.5}"));
        assertTrue(msg.contains(":6: fake-method.steps must be an integer; got '2.5'"), msg);
    }

    @Test
    void aDeclaredRangeIsCheckedByTheLoaderWithoutTheComponentsValidate() throws IOException {
        // fake-method declares steps >= 1 and has no validate of its own
        String msg = errorOf(VALID.replace("{scale: 2}", "{steps: -3}"));
        assertTrue(msg.contains("bad params of fake-method: steps must be >= 1, got -3"), msg);
    }

    @Test
    void unknownParameterListsTheValidOnes() throws IOException {
        String msg = errorOf(VALID.replace("{scale: 2}", "{scael: 2}"));
        assertTrue(msg.contains("unknown key 'scael' in params of fake-method; valid: scale, diverge, steps"), msg);
    }

    @Test
    void aRefusedMethodParameterNamesTheLineOfItsKeyAndTheBadValue() throws IOException {
        String msg = errorOf(VALID.replace("    params: {scale: 2}\n", "    params:\n      scale: 2\n      steps: 0\n"));
        assertTrue(msg.contains(":8: bad params of fake-method: steps must be >= 1, got 0"), msg);
    }

    @Test
    void rowsOnOneDatasetMustHaveEqualStepBudgetsUnlessTheFileSaysOtherwise() throws IOException {
        String unequal = VALID.replace("{scale: 5.5}", "{scale: 5.5, steps: 20}");
        String msg = errorOf(unequal);
        assertTrue(msg.contains(":7: rows compared on dataset 'fake-data' need equal step budgets: 'fake-method' has"
                + " steps 10, 'fake-strong' has steps 20"), msg);
        assertEquals(2, loader.load(write(unequal + "equal_budgets: false\n")).methods().size());
        assertEquals(2, loader.load(write(VALID.replace("{scale: 2}", "{scale: 2, steps: 20}")
                .replace("{scale: 5.5}", "{scale: 5.5, steps: 20}"))).methods().size());
    }

    @Test
    void invalidParameterValueIsRefusedWithItsLine() throws IOException {
        String msg = errorOf(VALID.replace("  - fake-data", "  - id: fake-data\n    params: {n: -4}"));
        assertTrue(msg.contains(":12: bad params of fake-data: n must be >= 2, got -4"), msg);
    }

    @Test
    void noSeedsIsRefused() throws IOException {
        assertTrue(errorOf(VALID.replace("[1, 2]", "[]")).contains("seeds is empty"));
        assertTrue(errorOf(VALID.replace("seeds: [1, 2]\n", "")).contains("missing required key 'seeds'"));
        assertTrue(errorOf(VALID.replace("[1, 2]", "[1, 1]")).contains("seed 1 is listed twice"));
    }

    @Test
    void malformedYamlNamesTheLine() throws IOException {
        // the list opened on line 2 is not closed: the parser finds the ':' of line 3 where ',' or ']' must come
        String msg = errorOf("name: x\nseeds: [1, 2\nmetrics: [a]\n");
        assertTrue(msg.endsWith("exp.yaml:3: malformed YAML: expected ',' or ']', but got :"), msg);
        msg = errorOf("name: x\n\n\nseeds: [1, 2\nmetrics: [a]\n"); // two lines more above it
        assertTrue(msg.endsWith("exp.yaml:5: malformed YAML: expected ',' or ']', but got :"), msg);
    }

    @Test
    void duplicateRowsNeedALabel() throws IOException {
        String msg = errorOf(VALID.replace("    label: fake-strong\n", ""));
        assertTrue(msg.contains("lists 'fake-method' twice"), msg);
    }

    @Test
    void aMethodCanBeLimitedToSomeDatasets() throws IOException {
        String yaml = VALID.replace("    label: fake-strong\n", "    label: fake-strong\n    datasets: [fake-data]\n")
                + "  - id: fake-data\n    label: other\n";
        Experiment e = loader.load(write(yaml));
        assertEquals(List.of("fake-data"), e.methods().get(1).datasets());
        assertTrue(e.methods().get(0).runsOn("other"));
        assertEquals((2 + 1) * 2, e.cellCount(), "the limited method runs on one of the two datasets");
        String msg = errorOf(yaml.replace("datasets: [fake-data]", "datasets: [nope]"));
        assertTrue(msg.contains("lists dataset 'nope', which is not in this experiment; valid: fake-data, other"), msg);
    }


    @Test
    void aDatasetCanRunItsOwnSeeds() throws IOException {
        // lines 10-14: the datasets; the second entry runs seeds 3, 4, 5 (line 14) instead of the experiment's 1, 2
        String yaml = VALID + "  - id: fake-data\n    label: more\n    seeds: [3, 4, 5]\n";
        Experiment e = loader.load(write(yaml));
        assertEquals(List.of(1L, 2L), e.seedsOf("fake-data"));
        assertEquals(List.of(3L, 4L, 5L), e.seedsOf("more"));
        assertEquals(2 * 2 + 2 * 3, e.cellCount());
        List<RunSpec> specs = GridRunner.specs(e);
        assertEquals(e.cellCount(), specs.size());
        assertEquals(List.of(1L, 1L, 2L, 2L, 3L, 3L, 4L, 4L, 5L, 5L), specs.stream().map(s -> s.seed()).toList(),
                "each dataset's own seeds, in file order");
        assertTrue(specs.stream().filter(s -> s.seed() > 2).allMatch(s -> s.dataset().equals("more")));

        String msg = errorOf(yaml.replace("[3, 4, 5]", "[3, 3]"));
        assertTrue(msg.contains(":14: seed 3 is listed twice"), msg);
        msg = errorOf(yaml.replace("[3, 4, 5]", "[]"));
        assertTrue(msg.contains(":14: seeds is empty"), msg);
        msg = errorOf(yaml.replace("[3, 4, 5]", "5"));
        assertTrue(msg.contains(":14: seeds must be a list"), msg);
        // seeds belong to a dataset: a method entry does not take them
        msg = errorOf(VALID.replace("    params: {scale: 2}\n", "    params: {scale: 2}\n    seeds: [3]\n"));
        assertTrue(msg.contains(":7: unknown key 'seeds'"), msg);
    }
    /** VALID with three claims; 'claims:' starts at line 12. */
    private static final String CLAIMS = VALID.replace("[accuracy, auroc]", "[accuracy, auroc, dice]") + """
            claims:
              - id: strong-better
                paper: A paper (arXiv 0000.00000)
                text: The strong row is better.
                dataset: fake-data
                metric: auroc
                row: fake-strong
                against: fake-method
                expect: better
              - id: strong-not-worse
                paper: A paper
                text: The strong row is not worse.
                dataset: fake-data
                metric: accuracy
                row: fake-strong
                against: fake-method
                expect: not-worse
                margin: 0.03
              - id: strong-smaller
                paper: A paper
                text: The strong row is smaller.
                dataset: fake-data
                metric: parameters
                row: fake-strong
                against: fake-method
                expect: fewer-parameters
                at_most_fraction: 0.5
            """;

    @Test
    void readsClaims() throws IOException {
        Experiment e = loader.load(write(CLAIMS));
        assertEquals(3, e.claims().size());
        Claim better = e.claims().get(0);
        assertEquals(new Claim("strong-better", "A paper (arXiv 0000.00000)", "The strong row is better.", "fake-data",
                "auroc", "fake-strong", "fake-method", Claim.Expect.BETTER, Double.NaN, Double.NaN), better);
        assertEquals(0.03, e.claims().get(1).margin());
        assertEquals(Claim.Expect.FEWER_PARAMETERS, e.claims().get(2).expect());
        assertEquals(0.5, e.claims().get(2).atMostFraction());
        assertEquals(loader.load(write(VALID)).methods(), e.methods(), "claims change no row");
        assertTrue(loader.load(write(VALID)).claims().isEmpty());
    }

    @Test
    void everyClaimErrorNamesTheFileTheLineAndWhatWasExpected() throws IOException {
        // line 13 is the first claim's id, 17 its metric, 21 the second claim's id, 28 its expect, 34 the third's metric
        assertTrue(errorOf(CLAIMS.replace("    expect: better\n", "    expect: better\n    sure: yes\n"))
                .contains(":21: unknown key 'sure' in claims entry; valid: id, paper, text"));
        assertTrue(errorOf(CLAIMS.replace("row: fake-strong\n    against: fake-method\n    expect: better",
                "row: nobody\n    against: fake-method\n    expect: better"))
                .contains(":18: unknown row 'nobody' in claim 'strong-better'.row: no method of this file with that label"
                        + " runs on 'fake-data'; valid: fake-method, fake-strong"));
        assertTrue(errorOf(CLAIMS.replace("    dataset: fake-data\n    metric: auroc", "    dataset: toy\n    metric: auroc"))
                .contains(":16: unknown dataset 'toy' in claim 'strong-better'; valid: fake-data"));
        assertTrue(errorOf(CLAIMS.replace("metric: auroc", "metric: f1"))
                .contains(":17: unknown metric 'f1' in claim 'strong-better'; valid: the file's metrics accuracy, auroc,"
                        + " dice, or parameters"));
        assertTrue(errorOf(CLAIMS.replace("metric: auroc", "metric: dice"))
                .contains(":17: claim 'strong-better': metric 'dice' does not score dataset 'fake-data' (task classification)"));
        assertTrue(errorOf(CLAIMS.replace("id: strong-not-worse", "id: strong-better"))
                .contains(":21: claim id 'strong-better' is used twice"));
        assertTrue(errorOf(CLAIMS.replace("    margin: 0.03\n", ""))
                .contains(":28: claim 'strong-not-worse': expect: not-worse needs 'margin: M'"));
        assertTrue(errorOf(CLAIMS.replace("margin: 0.03", "margin: -0.03"))
                .contains(":29: claim 'strong-not-worse'.margin must be > 0, got -0.03"));
        assertTrue(errorOf(CLAIMS.replace("    expect: better\n", "    expect: better\n    margin: 0.1\n"))
                .contains(":21: claim 'strong-better': margin goes only with expect: not-worse"));
        assertTrue(errorOf(CLAIMS.replace("expect: better", "expect: worse"))
                .contains(":20: claim 'strong-better'.expect must be one of better, not-worse, fewer-parameters; got 'worse'"));
        assertTrue(errorOf(CLAIMS.replace("metric: parameters", "metric: auroc"))
                .contains(":34: claim 'strong-smaller': expect: fewer-parameters needs metric: parameters"));
        assertTrue(errorOf(CLAIMS.replace("metric: auroc", "metric: parameters"))
                .contains(":17: claim 'strong-better': metric: parameters goes only with expect: fewer-parameters"));
        assertTrue(errorOf(CLAIMS.replace("at_most_fraction: 0.5", "at_most_fraction: 2"))
                .contains(":38: claim 'strong-smaller'.at_most_fraction must be in (0, 1], got 2.0"));
        assertTrue(errorOf(CLAIMS.replace("against: fake-method\n    expect: better", "against: fake-strong\n    expect: better"))
                .contains(":19: claim 'strong-better' compares 'fake-strong' with itself"));
        assertTrue(errorOf(CLAIMS.replace("    paper: A paper (arXiv 0000.00000)\n", ""))
                .contains(":13: missing required key 'paper'"));
        assertTrue(errorOf(VALID + "claims: {id: x}\n").contains(":12: claims must be a list"));
    }

    @Test
    void aClaimRowMustRunOnItsDataset() throws IOException {
        String yaml = CLAIMS.replace("    label: fake-strong\n", "    label: fake-strong\n    datasets: [other]\n")
                .replace("  - fake-data\n", "  - fake-data\n  - id: fake-data\n    label: other\n");
        assertTrue(errorOf(yaml).contains("unknown row 'fake-strong' in claim 'strong-better'.row: no method of this file"
                + " with that label runs on 'fake-data'; valid: fake-method"));
        String segmentation = CLAIMS.replace("  - fake-data\n", "  - id: fake-data\n    params: {task: segmentation}\n")
                .replace("metric: auroc", "metric: dice").replace("metric: accuracy", "metric: dice");
        assertTrue(errorOf(segmentation).contains("claim 'strong-better'.row: 'fake-strong' does not run on 'fake-data':"
                + " classification only"));
    }

    @Test
    void missingFileIsAConfigError() {
        ConfigException ex = assertThrows(ConfigException.class, () -> loader.load(dir.resolve("none.yaml")));
        assertTrue(ex.getMessage().contains("no such experiment file"));
    }
}
