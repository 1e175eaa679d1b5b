package io.kdbench.experiment;

import io.kdbench.api.EmptyPolicy;
import io.kdbench.registry.Registries;
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
        String msg = errorOf("name: x\nseeds: [1, 2\nmetrics: [a]\n");
        assertTrue(msg.contains("malformed YAML"), msg);
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
    void missingFileIsAConfigError() {
        ConfigException ex = assertThrows(ConfigException.class, () -> loader.load(dir.resolve("none.yaml")));
        assertTrue(ex.getMessage().contains("no such experiment file"));
    }
}
