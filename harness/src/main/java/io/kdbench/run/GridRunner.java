package io.kdbench.run;

import io.kdbench.api.BenchmarkDataset;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.DivergenceException;
import io.kdbench.api.Metric;
import io.kdbench.api.MetricResult;
import io.kdbench.api.Support;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.api.TrainingLog;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;
import io.kdbench.env.ComputeBackend;
import io.kdbench.env.Environment;
import io.kdbench.experiment.ComponentSpec;
import io.kdbench.experiment.Experiment;
import io.kdbench.registry.Registries;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import io.kdbench.store.Provenance;
import io.kdbench.store.ResultsStore;
import io.kdbench.store.SpecHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the grid methods x datasets x seeds, cell by cell, storing each finished cell before the next
 * starts, so a run killed at any moment loses at most the cell in progress. Loops datasets outermost so
 * one dataset's data is held in memory at a time.
 */
public final class GridRunner {
    private static final Logger LOG = LoggerFactory.getLogger(GridRunner.class);

    private final Registries registries;
    private final ResultsStore store;
    private final Environment environment;
    private final ComputeBackend backend;
    private final GridProgress progress;
    private final String command;

    public GridRunner(Registries registries, ResultsStore store, Environment environment, ComputeBackend backend,
                      GridProgress progress, String command) {
        this.registries = registries;
        this.store = store;
        this.environment = environment;
        this.backend = backend;
        this.progress = progress;
        this.command = command;
    }

    /** What a grid run did. */
    public record Outcome(List<CellRecord> cells, int computed, int reused, int skipped, int failed) {
    }

    public Outcome run(Experiment experiment, boolean force) throws IOException {
        store.checkWritable();
        List<CellRecord> cells = new ArrayList<>();
        int computed = 0;
        int reused = 0;
        progress.start(experiment.cellCount());
        try {
            for (ComponentSpec datasetSpec : experiment.datasets()) {
                BenchmarkDataset dataset = registries.datasets().get(datasetSpec.id());
                DatasetInfo info = dataset.info(datasetSpec.params());
                for (long seed : experiment.seeds()) {
                    Splits splits = null; // made on first need: a fully stored seed costs nothing
                    for (ComponentSpec methodSpec : experiment.methods()) {
                        RunSpec spec = RunSpec.of(methodSpec, datasetSpec, seed, experiment.metrics(), experiment.emptyPolicy());
                        String hash = SpecHash.of(spec, environment.codeVersion(), environment.backendName());
                        progress.cellStarted(spec);
                        Optional<CellRecord> stored = force ? Optional.empty() : store.find(hash);
                        CellRecord cell;
                        if (stored.isPresent() && stored.get().status() != CellStatus.FAILED) {
                            cell = stored.get();
                            reused++;
                        } else {
                            DistillationMethod method = registries.methods().get(methodSpec.id());
                            Support support = method.supports(info);
                            if (!support.ok()) {
                                cell = skipped(hash, spec, support.reason());
                            } else {
                                if (splits == null) {
                                    splits = dataset.splits(datasetSpec.params(), seed);
                                }
                                cell = runWithRetries(hash, spec, method, methodSpec, info, splits, experiment);
                            }
                            store.write(cell);
                            computed++;
                        }
                        cells.add(cell);
                        progress.cellFinished(spec, cell.status().name());
                    }
                }
            }
        } finally {
            progress.finish();
        }
        store.writeTidyCsv(cells);
        int skipped = (int) cells.stream().filter(c -> c.status() == CellStatus.SKIPPED).count();
        int failed = (int) cells.stream().filter(c -> c.status() == CellStatus.FAILED).count();
        return new Outcome(cells, computed, reused, skipped, failed);
    }

    private CellRecord runWithRetries(String hash, RunSpec spec, DistillationMethod method, ComponentSpec methodSpec,
                                      DatasetInfo info, Splits splits, Experiment experiment) {
        CellRecord cell = null;
        for (int attempt = 0; attempt <= experiment.retries(); attempt++) {
            cell = runCell(hash, spec, method, methodSpec, info, splits, experiment);
            if (cell.status() != CellStatus.FAILED) {
                return cell;
            }
            LOG.warn("cell {} failed (attempt {} of {}): {}", spec.describeCell(), attempt + 1,
                    experiment.retries() + 1, cell.reason());
        }
        return cell;
    }

    private CellRecord runCell(String hash, RunSpec spec, DistillationMethod method, ComponentSpec methodSpec,
                               DatasetInfo info, Splits splits, Experiment experiment) {
        String start = Instant.now().toString();
        TrainingLog log = new TrainingLog();
        if (backend != null) {
            backend.seed(spec.seed());
        }
        try {
            long t0 = System.nanoTime();
            TrainedModel model = method.train(new TrainContext(methodSpec.params(), info, splits, spec.seed(), log));
            long t1 = System.nanoTime();
            List<Prediction> predictions = model.predict(splits.test());
            long t2 = System.nanoTime();
            checkPredictions(spec, splits.test(), predictions);
            Map<String, MetricResult> results = new LinkedHashMap<>();
            for (String metricId : experiment.metrics()) {
                Metric metric = registries.metrics().get(metricId);
                if (metric.appliesTo(info)) {
                    results.put(metricId, metric.evaluate(splits.test(), predictions, info, experiment.emptyPolicy()));
                }
            }
            return new CellRecord(CellRecord.SCHEMA, hash, CellStatus.OK, "", -1, spec, provenance(start),
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, model.parameterCount(), model.usesPrivilegedAtTest(),
                    results, log.curves(), log.extras(), "");
        } catch (DivergenceException e) {
            return failed(hash, spec, start, log, e.getMessage(), e.epoch());
        } catch (Exception | OutOfMemoryError e) {
            // Kept, not swallowed: the reason is stored in the cell, logged, and shown in the report.
            LOG.error("cell {} failed", spec.describeCell(), e);
            return failed(hash, spec, start, log, e.getClass().getSimpleName() + ": " + e.getMessage(), -1);
        }
    }

    static void checkPredictions(RunSpec spec, List<Sample> test, List<Prediction> predictions) {
        if (predictions.size() != test.size()) {
            throw new IllegalStateException("method " + spec.method() + " returned " + predictions.size()
                    + " predictions for " + test.size() + " test cases");
        }
        for (int i = 0; i < test.size(); i++) {
            if (!test.get(i).id().equals(predictions.get(i).caseId())) {
                throw new IllegalStateException("method " + spec.method() + " answered case '"
                        + predictions.get(i).caseId() + "' at position " + i + ", expected '" + test.get(i).id() + "'");
            }
        }
    }

    private CellRecord skipped(String hash, RunSpec spec, String reason) {
        String now = Instant.now().toString();
        return new CellRecord(CellRecord.SCHEMA, hash, CellStatus.SKIPPED, reason, -1, spec,
                new Provenance(environment, now, now, command), 0, 0, 0, false, Map.of(), Map.of(), Map.of(), "");
    }

    private CellRecord failed(String hash, RunSpec spec, String start, TrainingLog log, String reason, int epoch) {
        return new CellRecord(CellRecord.SCHEMA, hash, CellStatus.FAILED, reason, epoch, spec, provenance(start),
                0, 0, 0, false, Map.of(), log.curves(), log.extras(), "");
    }

    private Provenance provenance(String start) {
        return new Provenance(environment, start, Instant.now().toString(), command);
    }
}
