package io.kdbench.run;

import io.kdbench.api.BenchmarkDataset;
import io.kdbench.api.DatasetInfo;
import io.kdbench.data.Splits;
import io.kdbench.registry.Registries;
import io.kdbench.store.CellRecord;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Computes cells in this process, {@code jobs} at a time. A dataset's data for a seed are made once and dropped when
 * its last planned cell is done, so only the data of cells in flight is held.
 */
public final class LocalCellExecutor implements CellExecutor {
    private final Registries registries;
    private final CellRunner cells;
    private final int jobs;
    private SplitsCache splits = new SplitsCache(List.of());

    public LocalCellExecutor(Registries registries, CellRunner cells, int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be >= 1, got " + jobs);
        }
        this.registries = registries;
        this.cells = cells;
        this.jobs = jobs;
    }

    @Override
    public int slots() {
        return jobs;
    }

    @Override
    public void plan(List<GridCell> todo) {
        splits = new SplitsCache(todo);
    }

    @Override
    public CellRecord compute(GridCell cell, int retries) {
        BenchmarkDataset dataset = registries.datasets().get(cell.dataset().id());
        DatasetInfo info = dataset.info(cell.dataset().params());
        try {
            Splits data = cells.supports(cell.spec(), info).ok() ? splits.get(cell, () -> dataset.splits(
                    cell.dataset().params(), cell.spec().seed())) : null;
            return cells.run(cell.hash(), cell.spec(), info, data, retries);
        } finally {
            splits.release(cell);
        }
    }

    @Override
    public void dropped(GridCell cell) {
        splits.release(cell);
    }

    /**
     * Each dataset's splits for one seed, made once on first need and shared by the cells that use them, dropped when
     * the last of those cells is done.
     */
    private static final class SplitsCache {
        private final Map<String, Splits> made = new HashMap<>();
        private final Map<String, Integer> users = new HashMap<>();
        private final Map<String, Object> makers = new ConcurrentHashMap<>();

        SplitsCache(List<GridCell> todo) {
            todo.forEach(p -> users.merge(key(p), 1, Integer::sum));
        }

        private static String key(GridCell cell) {
            return cell.dataset().label() + "\u0000" + cell.spec().seed();
        }

        Splits get(GridCell p, Supplier<Splits> make) {
            String key = key(p);
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

        synchronized void release(GridCell p) {
            String key = key(p);
            if (users.merge(key, -1, Integer::sum) <= 0) {
                users.remove(key);
                made.remove(key);
            }
        }
    }
}
