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
 * and a dataset's data for a seed are made once and dropped when its last cell is done. Each cell is claimed before
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

    /** One cell of the grid with what is needed to compute it; {@code index} is its place in grid order. */
    private record Pending(int index, String hash, RunSpec spec, ComponentSpec dataset) {
        String splitsKey() {
            return dataset.label() + "\u0000" + spec.seed();
        }
    }

    public Outcome run(Experiment experiment, boolean force) throws IOException {
        return run(experiment, force, 1);
    }

    /**
     * Runs the grid with {@code jobs} cells at a time (each cell's numbers do not depend on how many run beside it:
     * every cell computes from its own spec, data and seed). Cells are stored as they finish.
     */
    public Outcome run(Experiment experiment, boolean force, int jobs) throws IOException {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be >= 1, got " + jobs);
        }
        store.checkWritable();
        store.removeStaleTemporaryFiles();
        CellClaims claims = store.claims();
        List<Pending> grid = grid(experiment);
        CellRecord[] done = new CellRecord[grid.size()];
        List<Pending> todo = new ArrayList<>();
        int reused = 0;
        progress.start(grid.size());
        try {
            for (Pending p : grid) {
                Optional<CellRecord> stored = force ? Optional.empty() : reusable(p.hash());
                if (stored.isPresent()) {
                    done[p.index()] = stored.get();
                    reused++;
                    progress.cellFinished(p.spec(), "reused");
                } else {
                    todo.add(p);
                }
            }
            SplitsCache splits = new SplitsCache(todo);
            List<Pending> elsewhere = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger computed = new AtomicInteger();
            runAll(todo, jobs, p -> {
                if (!claims.tryClaim(p.hash())) {
                    elsewhere.add(p);
                    splits.release(p);
                    return;
                }
                try {
                    // another run may have stored it since the grid was listed
                    Optional<CellRecord> stored = force ? Optional.empty() : reusable(p.hash());
                    if (stored.isPresent()) {
                        done[p.index()] = stored.get();
                        splits.release(p);
                        progress.cellFinished(p.spec(), "by another run");
                    } else {
                        done[p.index()] = compute(p, splits, experiment.retries());
                        computed.incrementAndGet();
                    }
                } finally {
                    claims.release(p.hash());
                }
            });
            List<Pending> waiting = new ArrayList<>(elsewhere);
            waiting.sort(Comparator.comparingInt(Pending::index));
            int more = finishClaimedElsewhere(waiting, claims, done, experiment.retries());
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
    private List<Pending> grid(Experiment experiment) {
        Map<String, ComponentSpec> datasets = new HashMap<>();
        experiment.datasets().forEach(d -> datasets.put(d.label(), d));
        List<Pending> grid = new ArrayList<>();
        for (RunSpec spec : specs(experiment)) {
            String hash = SpecHash.of(spec, cells.environment().codeVersion(), cells.environment().computeIdentity());
            grid.add(new Pending(grid.size(), hash, spec, datasets.get(spec.dataset())));
        }
        return grid;
    }

    /** Every cell of the experiment's grid in order: datasets, then seeds, then methods, as the file lists them. */
    public static List<RunSpec> specs(Experiment experiment) {
        List<RunSpec> specs = new ArrayList<>();
        for (ComponentSpec datasetSpec : experiment.datasets()) {
            for (long seed : experiment.seeds()) {
                for (ComponentSpec methodSpec : experiment.methods()) {
                    if (methodSpec.runsOn(datasetSpec.label())) {
                        specs.add(RunSpec.of(methodSpec, datasetSpec, seed, experiment.metrics(), experiment.emptyPolicy()));
                    }
                }
            }
        }
        return specs;
    }

    /** Trains, scores and stores one claimed cell. */
    private CellRecord compute(Pending p, SplitsCache splits, int retries) throws IOException {
        progress.cellStarted(p.spec());
        BenchmarkDataset dataset = registries.datasets().get(p.dataset().id());
        DatasetInfo info = dataset.info(p.dataset().params());
        try {
            Splits data = cells.supports(p.spec(), info).ok() ? splits.get(p, () -> dataset.splits(p.dataset().params(),
                    p.spec().seed())) : null;
            CellRecord cell = cells.run(p.hash(), p.spec(), info, data, retries);
            store.write(cell);
            progress.cellFinished(p.spec(), cell.status().name());
            return cell;
        } finally {
            splits.release(p);
        }
    }

    /** A claimed cell's work, which may throw. */
    private interface CellWork {
        void run(Pending p) throws IOException;
    }

    /** Runs {@code work} on every pending cell, in grid order, {@code jobs} at a time; rethrows the first failure. */
    private static void runAll(List<Pending> todo, int jobs, CellWork work) throws IOException {
        if (jobs == 1 || todo.size() < 2) {
            for (Pending p : todo) {
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
     * Each dataset's splits for one seed, made once on first need and shared by the cells that use them, dropped when
     * the last of those cells is done (so only the data of cells in flight is held).
     */
    private static final class SplitsCache {
        private final Map<String, Splits> made = new HashMap<>();
        private final Map<String, Integer> users = new HashMap<>();
        private final Map<String, Object> makers = new java.util.concurrent.ConcurrentHashMap<>();

        SplitsCache(List<Pending> todo) {
            todo.forEach(p -> users.merge(p.splitsKey(), 1, Integer::sum));
        }

        Splits get(Pending p, java.util.function.Supplier<Splits> make) {
            String key = p.splitsKey();
            Splits s;
            synchronized (this) {
                s = made.get(key);
            }
            if (s != null) {
                return s;
            }
            synchronized (makers.computeIfAbsent(key, k -> new Object())) { // one maker per key; other keys go on
                synchronized (this) {
                    s = made.get(key);
                }
                if (s == null) {
                    s = make.get();
                    synchronized (this) {
                        made.put(key, s);
                    }
                }
                return s;
            }
        }

        synchronized void release(Pending p) {
            String key = p.splitsKey();
            if (users.merge(key, -1, Integer::sum) <= 0) {
                users.remove(key);
                made.remove(key);
            }
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
    private int finishClaimedElsewhere(List<Pending> pending, CellClaims claims, CellRecord[] done, int retries)
            throws IOException {
        int computed = 0;
        List<Pending> left = new ArrayList<>(pending);
        while (!left.isEmpty()) {
            List<Pending> still = new ArrayList<>();
            for (Pending p : left) {
                Optional<CellRecord> stored = reusable(p.hash());
                if (stored.isPresent()) {
                    done[p.index()] = stored.get();
                    progress.cellFinished(p.spec(), "by another run");
                } else if (claims.tryClaim(p.hash())) {
                    try {
                        done[p.index()] = compute(p, new SplitsCache(List.of(p)), retries);
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
