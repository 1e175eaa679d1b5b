package io.kdbench.run;

import io.kdbench.api.BenchmarkDataset;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.DivergenceException;
import io.kdbench.api.EmptyPolicy;
import io.kdbench.api.Metric;
import io.kdbench.api.MetricResult;
import io.kdbench.api.Params;
import io.kdbench.api.Support;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.api.TrainingLog;
import io.kdbench.api.Validation;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;
import io.kdbench.env.ComputeBackend;
import io.kdbench.env.Environment;
import io.kdbench.io.FileChecksums;
import io.kdbench.learning.LearningCheck;
import io.kdbench.learning.LearningVerdict;
import io.kdbench.registry.Registries;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import io.kdbench.store.Provenance;
import io.kdbench.store.RunSpec;
import io.kdbench.store.StoredAttention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes one cell from its spec: seeds the backend, trains, predicts the test split, scores it. Used by the grid
 * and by {@code verify}, so a stored cell and its recomputation go through the same code.
 */
public final class CellRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CellRunner.class);

    private final Registries registries;
    private final Environment environment;
    private final ComputeBackend backend;
    private final String command;

    public CellRunner(Registries registries, Environment environment, ComputeBackend backend, String command) {
        this.registries = registries;
        this.environment = environment;
        this.backend = backend;
        this.command = command;
    }

    public Environment environment() {
        return environment;
    }

    /** The kdbench command line recorded in each cell's provenance. */
    public String command() {
        return command;
    }

    /** The stored outcome of a spec: skipped if the method cannot run on the dataset, else trained and scored. */
    public CellRecord run(String hash, RunSpec spec, DatasetInfo info, Splits splits, int retries) {
        DistillationMethod method = method(spec);
        Support support = method.supports(info);
        if (!support.ok()) {
            return skipped(hash, spec, support.reason());
        }
        CellRecord cell = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            cell = attempt(hash, spec, method, info, splits);
            if (cell.status() != CellStatus.FAILED) {
                return cell;
            }
            LOG.warn("cell {} failed (attempt {} of {}): {}", spec.describeCell(), attempt + 1, retries + 1, cell.reason());
        }
        return cell;
    }

    /** Whether the method supports the dataset, without training (so a grid can skip making the data). */
    public Support supports(RunSpec spec, DatasetInfo info) {
        return registries.methods().get(spec.methodId()).supports(info);
    }

    private CellRecord attempt(String hash, RunSpec spec, DistillationMethod method, DatasetInfo info, Splits splits) {
        String start = Instant.now().toString();
        TrainingLog log = new TrainingLog();
        if (backend != null) {
            backend.seed(spec.seed());
        }
        try {
            Params params = Params.of(method.defaults(), spec.methodParams());
            EmptyPolicy policy = EmptyPolicy.parse(spec.emptyPolicy());
            Validation validation = validation(info, splits, policy);
            long t0 = System.nanoTime();
            // the method never sees test labels, targets or masks: not while training, not while predicting
            TrainedModel model = method.train(new TrainContext(params, info, TestInputs.forTraining(splits, info),
                    spec.seed(), log, validation));
            long t1 = System.nanoTime();
            List<Prediction> predictions = model.predict(TestInputs.of(splits.test(), info, model.usesPrivilegedAtTest()));
            long t2 = System.nanoTime();
            checkPredictions(spec, splits.test(), predictions);
            LearningVerdict learning = LearningCheck.judge(method.role(), info, splits, model, validation,
                    TestInputs.of(splits.validation(), info, model.usesPrivilegedAtTest()));
            Map<String, MetricResult> results = new LinkedHashMap<>();
            for (String metricId : spec.metrics()) {
                Metric metric = registries.metrics().get(metricId);
                if (metric.appliesTo(info)) {
                    results.put(metricId, metric.evaluate(splits.test(), predictions, info, policy));
                }
            }
            Map<String, Object> extras = new LinkedHashMap<>(log.extras());
            List<Map<String, Object>> attention = StoredAttention.of(predictions);
            if (!attention.isEmpty()) {
                extras.put(StoredAttention.KEY, attention);
            }
            Map<String, Map<String, Double>> clients = ClientMetrics.of(splits.test(), results);
            if (!clients.isEmpty()) {
                extras.putIfAbsent(ClientMetrics.KEY, clients);
            }
            return CellRecord.builder(hash, spec, provenance(spec, start), method.role())
                    .seconds((t1 - t0) / 1e9, (t2 - t1) / 1e9)
                    .model(model.parameterCount(), model.usesPrivilegedAtTest())
                    .learning(learning).metrics(results).curves(log.curves()).extras(extras)
                    .probabilities(probabilities(predictions)).build();
        } catch (DivergenceException e) {
            return failed(hash, spec, start, log, e.getMessage(), e.epoch());
        } catch (Exception | OutOfMemoryError e) {
            // Kept, not swallowed: the reason is stored in the cell, logged, and shown in the leaderboard.
            LOG.error("cell {} failed", spec.describeCell(), e);
            return failed(hash, spec, start, log, e.getClass().getSimpleName() + ": " + e.getMessage(), -1);
        }
    }

    /** The validation split with the dataset's primary metric, what a method may select on. */
    private Validation validation(DatasetInfo info, Splits splits, EmptyPolicy policy) {
        return new Validation(registries.metrics().get(Validation.primaryMetric(info.task())), info,
                splits.validation(), policy);
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

    private static Map<String, double[]> probabilities(List<Prediction> predictions) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Prediction p : predictions) {
            if (p.probabilities() != null) {
                out.put(p.caseId(), p.probabilities());
            }
        }
        return out;
    }

    private CellRecord skipped(String hash, RunSpec spec, String reason) {
        String now = Instant.now().toString();
        return CellRecord.builder(hash, spec, new Provenance(environment, now, now, command, dataFiles(spec)),
                method(spec).role()).skipped(reason).build();
    }

    /**
     * A cell that failed outside the method, before it could report (e.g. a cluster task that kept failing): stored
     * like any failed cell, with the reason, and tried again by a rerun.
     */
    public CellRecord failed(String hash, RunSpec spec, String start, String reason) {
        return failed(hash, spec, start, new TrainingLog(), reason, -1);
    }

    private CellRecord failed(String hash, RunSpec spec, String start, TrainingLog log, String reason, int epoch) {
        return CellRecord.builder(hash, spec, provenance(spec, start), method(spec).role()).failed(reason, epoch)
                .curves(log.curves()).extras(log.extras()).build();
    }

    private DistillationMethod method(RunSpec spec) {
        return registries.methods().get(spec.methodId());
    }

    private Provenance provenance(RunSpec spec, String start) {
        return new Provenance(environment, start, Instant.now().toString(), command, dataFiles(spec));
    }

    /** The SHA-256 of each file the cell's dataset reads (none for a dataset handed in without a registry entry). */
    private Map<String, String> dataFiles(RunSpec spec) {
        Map<String, String> out = new LinkedHashMap<>();
        Optional<BenchmarkDataset> dataset = registries.datasets().find(spec.datasetId());
        if (dataset.isPresent()) {
            List<Path> files;
            try {
                files = dataset.get().dataFiles(Params.of(dataset.get().defaults(), spec.datasetParams()));
            } catch (IllegalArgumentException e) {
                // a failed cell's record is still written (e.g. a Spark driver that cannot see an executor's path):
                // like an unreadable file, the reason is kept in provenance
                out.put(spec.datasetId(), "unreadable: " + e.getMessage());
                return out;
            }
            for (Path file : files) {
                out.put(file.toString(), FileChecksums.sha256(file));
            }
        }
        return out;
    }
}
