package io.kdbench.run;

import io.kdbench.experiment.ComponentSpec;
import io.kdbench.experiment.Experiment;
import io.kdbench.registry.Registries;
import io.kdbench.store.CellClaims;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import io.kdbench.store.ResultsStore;
import io.kdbench.store.RunSpec;
import io.kdbench.store.SpecHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the grid methods x datasets x seeds, one or several cells at a time, storing each cell as it finishes, so a
 * run killed at any moment loses at most the cells in progress. Cells are taken in grid order (datasets outermost)
 * and computed by a {@link CellExecutor}: this process's threads by default, or a cluster. Each cell is claimed before
 * it is computed, so several runs on one results folder split the grid instead of doing work twice; cells claimed by
 * another live run are waited for at the end.
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

    public Outcome run(Experiment experiment, boolean force) throws IOException {
        return run(experiment, force, 1);
    }

    /**
     * Runs the grid with {@code jobs} cells at a time in this process (each cell's numbers do not depend on how many
     * run beside it: every cell computes from its own spec, data and seed). Cells are stored as they finish.
     */
    public Outcome run(Experiment experiment, boolean force, int jobs) throws IOException {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be >= 1, got " + jobs);
        }
        return run(experiment, force, new LocalCellExecutor(registries, cells, jobs));
    }

    /**
     * Runs the grid with its cells computed by {@code executor}, {@link CellExecutor#slots()} at a time. Cells are
     * stored here, each as it comes back.
     */
    public Outcome run(Experiment experiment, boolean force, CellExecutor executor) throws IOException {
        store.checkWritable();
        store.removeStaleTemporaryFiles();
        CellClaims claims = store.claims();
        List<GridCell> grid = grid(experiment);
        CellRecord[] done = new CellRecord[grid.size()];
        List<GridCell> todo = new ArrayList<>();
        int reused = 0;
        progress.start(grid.size());
        try {
            for (GridCell p : grid) {
                Optional<CellRecord> stored = force ? Optional.empty() : reusable(p.hash());
                if (stored.isPresent()) {
                    done[p.index()] = stored.get();
                    reused++;
                    progress.cellFinished(p.spec(), "reused");
                } else {
                    todo.add(p);
                }
            }
            executor.plan(todo);
            List<GridCell> elsewhere = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger computed = new AtomicInteger();
            runAll(todo, executor.slots(), p -> {
                if (!claims.tryClaim(p.hash())) {
                    elsewhere.add(p);
                    executor.dropped(p);
                    return;
                }
                try {
                    // another run may have stored it since the grid was listed
                    Optional<CellRecord> stored = force ? Optional.empty() : reusable(p.hash());
                    if (stored.isPresent()) {
                        done[p.index()] = stored.get();
                        executor.dropped(p);
                        progress.cellFinished(p.spec(), "by another run");
                    } else {
                        done[p.index()] = compute(p, executor, experiment.retries());
                        computed.incrementAndGet();
                    }
                } finally {
                    claims.release(p.hash());
                }
            });
            List<GridCell> waiting = new ArrayList<>(elsewhere);
            waiting.sort(Comparator.comparingInt(GridCell::index));
            int more = finishClaimedElsewhere(waiting, claims, done, executor, experiment.retries());
            List<CellRecord> all = Arrays.stream(done).filter(Objects::nonNull).toList();
            store.writeTidyCsv(all);
            int skipped = (int) all.stream().filter(c -> c.status() == CellStatus.SKIPPED).count();
            int failed = (int) all.stream().filter(c -> c.status() == CellStatus.FAILED).count();
            return new Outcome(all, computed.get() + more, reused, skipped, failed);
        } finally {
            progress.finish();
        }
    }

    /** The grid in order, each cell named by this run's code version and compute identity. */
    private List<GridCell> grid(Experiment experiment) {
        Map<String, ComponentSpec> datasets = new HashMap<>();
        experiment.datasets().forEach(d -> datasets.put(d.label(), d));
        List<GridCell> grid = new ArrayList<>();
        for (RunSpec spec : specs(experiment)) {
            String hash = SpecHash.of(spec, cells.environment().codeVersion(), cells.environment().computeIdentity());
            grid.add(new GridCell(grid.size(), hash, spec, datasets.get(spec.dataset())));
        }
        return grid;
    }

    /** The grid's cells in order: datasets, then each one's seeds, then methods, as the file lists them. */
    public static List<RunSpec> specs(Experiment experiment) {
        List<RunSpec> specs = new ArrayList<>();
        for (ComponentSpec datasetSpec : experiment.datasets()) {
            for (long seed : experiment.seedsOf(datasetSpec.label())) {
                for (ComponentSpec methodSpec : experiment.methods()) {
                    if (methodSpec.runsOn(datasetSpec.label())) {
                        specs.add(RunSpec.of(methodSpec, datasetSpec, seed, experiment.metrics(), experiment.emptyPolicy()));
                    }
                }
            }
        }
        return specs;
    }

    /** Has one claimed cell computed by the executor and stores it. */
    private CellRecord compute(GridCell p, CellExecutor executor, int retries) throws IOException {
        progress.cellStarted(p.spec());
        CellRecord cell = executor.compute(p, retries);
        executor.store(store, cell);
        progress.cellFinished(p.spec(), cell.status().name());
        return cell;
    }

    /** A claimed cell's work, which may throw. */
    private interface CellWork {
        void run(GridCell p) throws IOException;
    }

    /** Runs {@code work} on every pending cell, in grid order, {@code jobs} at a time; rethrows the first failure. */
    private static void runAll(List<GridCell> todo, int jobs, CellWork work) throws IOException {
        if (jobs == 1 || todo.size() < 2) {
            for (GridCell p : todo) {
                work.run(p);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, todo.size()), r -> {
            Thread t = new Thread(r, "kdbench-cell");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < Math.min(jobs, todo.size()); w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < todo.size(); i = next.getAndIncrement()) {
                        work.run(todo.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running cells", e);
        } catch (ExecutionException e) {
            next.set(todo.size()); // the other workers stop after their current cell
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /**
     * A stored cell that need not be recomputed: OK or skipped (failed cells are tried again), by known code (a cell
     * stored outside a git checkout may come from any code, so it is always recomputed).
     */
    private Optional<CellRecord> reusable(String hash) {
        return store.find(hash).filter(c -> c.status() != CellStatus.FAILED
                && c.provenance().environment().codeVersionKnown());
    }

    /**
     * Waits for cells another run claimed; computes any whose claim went stale (its owner died). Returns how many
     * this run computed.
     */
    private int finishClaimedElsewhere(List<GridCell> pending, CellClaims claims, CellRecord[] done,
                                       CellExecutor executor, int retries) throws IOException {
        int computed = 0;
        List<GridCell> left = new ArrayList<>(pending);
        while (!left.isEmpty()) {
            List<GridCell> still = new ArrayList<>();
            for (GridCell p : left) {
                Optional<CellRecord> stored = reusable(p.hash());
                if (stored.isPresent()) {
                    done[p.index()] = stored.get();
                    progress.cellFinished(p.spec(), "by another run");
                } else if (claims.tryClaim(p.hash())) {
                    try {
                        done[p.index()] = compute(p, executor, retries);
                        computed++;
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
