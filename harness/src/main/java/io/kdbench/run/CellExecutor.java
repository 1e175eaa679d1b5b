package io.kdbench.run;

import io.kdbench.store.CellRecord;
import io.kdbench.store.ResultsStore;

import java.io.IOException;
import java.util.List;

/**
 * Where {@link GridRunner} has claimed cells computed: this process's threads ({@link LocalCellExecutor}) or a
 * cluster (the spark module). The grid runner keeps the rest (listing, reuse, claims, store writes, progress), so
 * every executor stores its cells the same way.
 */
public interface CellExecutor extends AutoCloseable {
    /** How many cells the grid runner keeps in flight at once. */
    int slots();

    /** Told once, before any {@link #compute}, which cells this run means to compute, in grid order. */
    default void plan(List<GridCell> todo) {
    }

    /**
     * Computes one claimed cell and returns it whole (OK, skipped or failed with its reason); the grid runner stores
     * it. Throws only for what stops the run (e.g. an I/O error), never for a failing cell.
     */
    CellRecord compute(GridCell cell, int retries) throws IOException;

    /**
     * Stores a cell {@link #compute} returned. An executor that received the cell as a JSON document stores that
     * document ({@link ResultsStore#write(String, com.fasterxml.jackson.databind.node.ObjectNode)}), so the file
     * is byte for byte the one the local runner writes.
     */
    default void store(ResultsStore store, CellRecord cell) throws IOException {
        store.write(cell);
    }

    /** A planned cell this run will not compute after all (another run stored or claimed it). */
    default void dropped(GridCell cell) {
    }

    @Override
    default void close() {
    }
}
