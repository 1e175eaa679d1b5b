package io.kdbench.run;

import io.kdbench.api.BenchmarkDataset;
import io.kdbench.api.DatasetInfo;
import io.kdbench.data.Splits;
import io.kdbench.experiment.ComponentSpec;
import io.kdbench.experiment.Experiment;
import io.kdbench.registry.Registries;
import io.kdbench.store.CellClaims;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import io.kdbench.store.ResultsStore;
import io.kdbench.store.SpecHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the grid methods x datasets x seeds, cell by cell, storing each finished cell before the next starts, so a
 * run killed at any moment loses at most the cell in progress. Loops datasets outermost so one dataset's data is
 * held in memory at a time. Each cell is claimed before it is computed, so several runs on one results folder
 * split the grid instead of doing work twice; cells claimed by another live run are waited for at the end.
 */
public final class GridRunner {
    private static final Logger LOG = LoggerFactory.getLogger(GridRunner.class);
    private static final long WAIT_MILLIS = 1000;

    private final Registries registries;
    private final ResultsStore store;
    private final CellRunner cells;
    private final GridProgress progress;

    public GridRunner(Registries registries, ResultsStore store, CellRunner cells, GridProgress progress) {
        this.registries = registries;
        this.store = store;
        this.cells = cells;
        this.progress = progress;
    }

    /** What a grid run did. */
    public record Outcome(List<CellRecord> cells, int computed, int reused, int skipped, int failed) {
    }

    /** One cell of the grid with what is needed to compute it. */
    private record Pending(String hash, RunSpec spec, ComponentSpec dataset) {
    }

    public Outcome run(Experiment experiment, boolean force) throws IOException {
        store.checkWritable();
        store.removeStaleTemporaryFiles();
        CellClaims claims = store.claims();
        Map<String, CellRecord> done = new LinkedHashMap<>();
        List<Pending> elsewhere = new ArrayList<>();
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
                        if (!methodSpec.runsOn(datasetSpec.label())) {
                            continue;
                        }
                        RunSpec spec = RunSpec.of(methodSpec, datasetSpec, seed, experiment.metrics(), experiment.emptyPolicy());
                        String hash = SpecHash.of(spec, cells.environment().codeVersion(), cells.environment().backendName());
                        progress.cellStarted(spec);
                        Optional<CellRecord> stored = force ? Optional.empty() : reusable(hash);
                        if (stored.isPresent()) {
                            done.put(hash, stored.get());
                            reused++;
                            progress.cellFinished(spec, "reused");
                        } else if (!claims.tryClaim(hash)) {
                            elsewhere.add(new Pending(hash, spec, datasetSpec));
                        } else {
                            try {
                                if (splits == null && cells.supports(spec, info).ok()) {
                                    splits = dataset.splits(datasetSpec.params(), seed);
                                }
                                CellRecord cell = cells.run(hash, spec, info, splits, experiment.retries());
                                store.write(cell);
                                done.put(hash, cell);
                                computed++;
                                progress.cellFinished(spec, cell.status().name());
                            } finally {
                                claims.release(hash);
                            }
                        }
                    }
                }
            }
            computed += finishClaimedElsewhere(elsewhere, claims, done, experiment.retries());
        } finally {
            progress.finish();
        }
        List<CellRecord> all = List.copyOf(done.values());
        store.writeTidyCsv(all);
        int skipped = (int) all.stream().filter(c -> c.status() == CellStatus.SKIPPED).count();
        int failed = (int) all.stream().filter(c -> c.status() == CellStatus.FAILED).count();
        return new Outcome(all, computed, reused, skipped, failed);
    }

    /** A stored cell that need not be recomputed: OK or skipped (failed cells are tried again). */
    private Optional<CellRecord> reusable(String hash) {
        return store.find(hash).filter(c -> c.status() != CellStatus.FAILED);
    }

    /**
     * Waits for cells another run claimed; computes any whose claim went stale (its owner died). Returns how many
     * this run computed.
     */
    private int finishClaimedElsewhere(List<Pending> pending, CellClaims claims, Map<String, CellRecord> done,
                                       int retries) throws IOException {
        int computed = 0;
        List<Pending> left = new ArrayList<>(pending);
        while (!left.isEmpty()) {
            List<Pending> still = new ArrayList<>();
            for (Pending p : left) {
                Optional<CellRecord> stored = reusable(p.hash());
                if (stored.isPresent()) {
                    done.put(p.hash(), stored.get());
                    progress.cellFinished(p.spec(), "by another run");
                } else if (claims.tryClaim(p.hash())) {
                    try {
                        BenchmarkDataset dataset = registries.datasets().get(p.dataset().id());
                        DatasetInfo info = dataset.info(p.dataset().params());
                        Splits splits = cells.supports(p.spec(), info).ok()
                                ? dataset.splits(p.dataset().params(), p.spec().seed()) : null;
                        CellRecord cell = cells.run(p.hash(), p.spec(), info, splits, retries);
                        store.write(cell);
                        done.put(p.hash(), cell);
                        computed++;
                        progress.cellFinished(p.spec(), cell.status().name());
                    } finally {
                        claims.release(p.hash());
                    }
                } else {
                    still.add(p);
                }
            }
            left = still;
            if (!left.isEmpty()) {
                LOG.info("waiting for {} cells claimed by another run", left.size());
                sleep();
            }
        }
        return computed;
    }

    private static void sleep() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for cells claimed by another run", e);
        }
    }
}
